// Runners for verify-run-claims: our own reviewed quiz programs, not student code, so no sandbox.
// Rust builds against the same sysroot and prebuilt crates (tokio, futures, …) as the Rust track;
// JavaScript runs in this Node with its types stripped.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RustState } from "../../grader/runners/rust/toolchain/rust-paths.ts";
import { type RunProgram, type RunResult, TOKIO_MAIN as ENTRY } from "./verify-run-claims.ts";

const ELAPSED = /^QUIZ_ELAPSED_MS=(\d+)$/m;
/** Far above any quiz program's run; a program that hangs is a wrong key too. */
const RUN_TIMEOUT_MS = 60_000;

/**
 * The program with its main renamed and driven by a current-thread runtime on the paused clock,
 * which reports the clock's reading when main returned (on stderr, so stdout stays the program's).
 */
export function onPausedClock(source: string): string {
  if (!ENTRY.test(source)) throw new Error("no plain #[tokio::main] async fn main() to drive");
  return `${source.replace(ENTRY, "async fn quiz_main()")}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let started = tokio::time::Instant::now();
    quiz_main().await;
    eprintln!("QUIZ_ELAPSED_MS={}", started.elapsed().as_millis());
}
`;
}

function exec(
  file: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: RUN_TIMEOUT_MS, env, maxBuffer: 4 * 2 ** 20 }, (error, stdout, stderr) =>
      resolve({ ok: !error, stdout, stderr }),
    );
  });
}

export function rustRunner(state: RustState): RunProgram {
  const externs = Object.entries(state.externs).flatMap(([name, file]) => [
    "--extern",
    `${name}=${path.join(state.depsDir, file)}`,
  ]);
  return async ({ source, mode }): Promise<RunResult> => {
    const dir = await mkdtemp(path.join(tmpdir(), "quiz-run-"));
    try {
      const file = path.join(dir, "main.rs");
      await writeFile(file, mode === "paused" ? onPausedClock(source) : source);
      const program = path.join(dir, "main");
      const rustc = path.join(state.sysroot, "bin", "rustc");
      const built = await exec(
        rustc,
        [
          "--sysroot",
          state.sysroot,
          "--edition",
          "2021",
          "-A",
          "warnings",
          "-C",
          "opt-level=0",
          "-C",
          "debuginfo=0",
          "-C",
          `linker=${state.tools.gcc}`,
          "-L",
          `dependency=${state.depsDir}`,
          ...externs,
          "-o",
          program,
          file,
        ],
        { ...process.env, LD_LIBRARY_PATH: path.join(state.sysroot, "lib") },
      );
      if (!built.ok) return { ok: false, message: `rustc: ${built.stderr.slice(0, 800)}` };
      const started = performance.now();
      const ran = await exec(program, []);
      const wallMs = Math.round(performance.now() - started);
      if (!ran.ok) return { ok: false, message: `exit: ${ran.stderr.slice(0, 800)}` };
      const elapsed = ELAPSED.exec(ran.stderr);
      return {
        ok: true,
        stdout: ran.stdout,
        elapsedMs: mode === "real" ? wallMs : elapsed ? Number(elapsed[1]) : null,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/** For real-time runs: the program's own duration, from its first statement to its exit. */
const TIMED_PRELUDE = `const __quizStart = performance.now(); process.on("exit", () => console.error("QUIZ_ELAPSED_MS=" + Math.round(performance.now() - __quizStart)));\n`;

export function nodeRunner(): RunProgram {
  return async ({ source, mode }): Promise<RunResult> => {
    const dir = await mkdtemp(path.join(tmpdir(), "quiz-run-"));
    try {
      // .mts: an ES module (top-level await), types stripped by Node itself.
      const file = path.join(dir, "main.mts");
      await writeFile(file, mode === "real" ? TIMED_PRELUDE + source : source);
      const ran = await exec(process.execPath, ["--no-warnings", file]);
      if (!ran.ok) return { ok: false, message: ran.stderr.slice(0, 800) };
      const elapsed = ELAPSED.exec(ran.stderr);
      return { ok: true, stdout: ran.stdout, elapsedMs: elapsed ? Number(elapsed[1]) : null };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

// `./interleave bench rust-latency [--n 3]`: the Rust runner's costs, as a Markdown section for
// bench/RESULTS.md: sandbox overhead (bwrap+setpriv+prlimit around /usr/bin/true vs. a bare
// spawn), rustc compile time cold (new source) and warm (binary cache hit), and grade()
// end-to-end latency (child process, compile, sandboxed run) for every good Rust solution.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { exerciseLayout, listFiles } from "../grader/core/exercise-files.ts";
import { grade } from "../grader/core/grade.ts";
import { loadExercises } from "../grader/core/load-exercises.ts";
import { compileCrate } from "../grader/runners/rust/compile-crate.ts";
import { runSandboxed } from "../grader/runners/rust/sandbox/run-sandboxed.ts";
import { readRustState } from "../grader/runners/rust/toolchain/rust-paths.ts";
import { fmt, summarize } from "./stats.ts";

const LIMITS = {
  cpuSeconds: 5,
  memoryMb: 256,
  addressSpaceMb: 1024,
  fileSizeMb: 8,
  openFiles: 64,
  processes: 64,
  tmpfsMb: 16,
  wallMs: 5000,
  outputBytes: 65536,
};

async function timed(f: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

const line = (name: string, values: number[]) => {
  const s = summarize(values);
  return `| ${name} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.min)} | ${fmt(s.max)} |`;
};

export async function run(args: string[]): Promise<number> {
  const n = Number(args[args.indexOf("--n") + 1] ?? 3) || 3;
  const state = await readRustState();
  if (!state) {
    process.stderr.write("rust is not set up: run ./interleave rust setup\n");
    return 1;
  }
  const rows: string[] = [];
  const bare: number[] = [];
  const boxed: number[] = [];
  for (let i = 0; i < 10; i++) {
    bare.push(await timed(() => spawnSync("/usr/bin/true")));
    boxed.push(
      await timed(() =>
        runSandboxed({ tools: state.tools, limits: LIMITS, mounts: [], system: "usr", argv: ["/usr/bin/true"] }),
      ),
    );
  }
  rows.push(line("spawn /usr/bin/true, bare", bare), line("spawn /usr/bin/true in the sandbox", boxed));

  const { exercises } = await loadExercises();
  for (const exercise of exercises.filter((e) => e.track === "rust")) {
    const good = path.join(exercise.dir, exerciseLayout("rust").goodDir);
    const file = (await listFiles(good)).find((f) => f.endsWith(".rs"));
    if (!file) continue;
    const code = await readFile(path.join(good, file), "utf8");
    const cold: number[] = [];
    const warm: number[] = [];
    const gradeCold: number[] = [];
    const gradeWarm: number[] = [];
    for (let i = 0; i < n; i++) {
      // A fresh comment makes a new source hash: a real compile, as for a new submission.
      const fresh = `${code}\n// bench ${randomBytes(6).toString("hex")}\n`;
      cold.push(await timed(() => compileCrate({ code: fresh, dir: exercise.dir, state })));
      warm.push(await timed(() => compileCrate({ code: fresh, dir: exercise.dir, state })));
      const fresh2 = `${code}\n// bench ${randomBytes(6).toString("hex")}\n`;
      gradeCold.push(await timed(() => grade({ exerciseId: exercise.id, code: fresh2 })));
      gradeWarm.push(await timed(() => grade({ exerciseId: exercise.id, code: fresh2 })));
    }
    rows.push(
      line(`${exercise.id}: rustc in sandbox, cold`, cold),
      line(`${exercise.id}: compile, cache hit`, warm),
      line(`${exercise.id}: grade() end to end, cold`, gradeCold),
      line(`${exercise.id}: grade() end to end, cached binary`, gradeWarm),
    );
  }
  process.stdout.write(
    `## Rust runner latency (rustc ${state.rustcVersion}, 2 shared cores)\n\n| what | n | p50 | p95 | min | max |\n|---|---|---|---|---|---|\n${rows.join("\n")}\n`,
  );
  return 0;
}

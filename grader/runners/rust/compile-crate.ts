// Compiles a submission's crate with rustc inside the sandbox (compile-time code can read
// files: include_str!), against the prebuilt rlibs. Identical sources (student code + hidden
// tests + harness + toolchain) are never compiled twice: binaries and failed reports are cached.
import { randomBytes } from "node:crypto";
import { chmod, chown, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { Diagnostic } from "../../contract.ts";
import { crateSources, SANDBOX_SRC, STUDENT_PATH } from "./crate-sources.ts";
import { parseRustcOutput } from "./diagnostics.ts";
import { pruneBuildCache } from "./prune-build-cache.ts";
import { runSandboxed, type SandboxLimits, type SandboxOutcome } from "./sandbox/run-sandboxed.ts";
import { RUST_CACHE, type RustState } from "./toolchain/rust-paths.ts";

// A real compile takes a small fraction of these limits (figures: bench/RESULTS.md "Figures behind limits and sizes"). Both time limits leave out time spent waiting for
// a core (job cgroup's CPU and CPU pressure): a compile on a crowded machine is not stopped
// for the crowd. The plain wall-clock net behind them is far off; grade()'s watchdog (10 s +
// 8 × the exercise's wall budget) is the outermost clock.
const COMPILE_LIMITS: SandboxLimits = {
  cpuSeconds: 20,
  // rustc and the linker together, with several times their measured peak as headroom.
  memoryMb: 1024,
  addressSpaceMb: 4096,
  fileSizeMb: 256,
  openFiles: 512,
  processes: 128,
  tmpfsMb: 256,
  wallMs: 20_000,
  safetyWallMs: 40_000,
  outputBytes: 2 * 1024 * 1024,
};

/** Bytes of compiled submissions kept on disk (about 1 MB each, stripped; a big static can make one far larger). */
const BUILD_CACHE_BYTES = 1024 * 2 ** 20;

const Failure = z.object({
  kind: z.enum(["compile_error", "missing_api", "timeout", "resource_limit"]),
  message: z.string(),
  diagnostics: z.array(Diagnostic),
});
export type CompileFailure = z.infer<typeof Failure>;
export type CompileOutcome =
  | { ok: true; binary: string; warnings: Diagnostic[]; cached: boolean; ms: number }
  | ({ ok: false; cached: boolean; ms: number } & CompileFailure);

export async function compileCrate(options: { code: string; dir: string; state: RustState }): Promise<CompileOutcome> {
  const started = performance.now();
  const { hidden, student, hash } = await crateSources({
    code: options.code,
    dir: options.dir,
    toolchainKey: options.state.key,
  });
  const cacheDir = path.join(RUST_CACHE, "builds", hash);
  const ms = () => performance.now() - started;
  const cached = await fromCache(cacheDir);
  if (cached) return { ...cached, cached: true, ms: ms() };

  const work = await mkdtemp(path.join(RUST_CACHE, "tmp-"));
  await chmod(work, 0o755); // bwrap runs as the sandbox uid and must reach the bind sources
  try {
    const src = path.join(work, "src");
    const hiddenSrc = path.join(work, "hidden");
    const out = path.join(work, "out");
    for (const dir of [src, hiddenSrc, out]) await mkdir(dir, { mode: 0o755 });
    await writeFile(path.join(src, path.basename(STUDENT_PATH)), student, { mode: 0o644 });
    for (const [name, text] of Object.entries(hidden))
      await writeFile(path.join(hiddenSrc, name), text, { mode: 0o644 });
    // A folder name new for every compile: the student's include_str!("/src/../exercise.rs")
    // or any other guess cannot reach the hidden tests, and nothing lists folders at compile time.
    const hiddenDir = `/crate-${randomBytes(16).toString("hex")}`;
    const { state } = options;
    const externs = Object.entries(state.externs).flatMap(([name, file]) => ["--extern", `${name}=/opt/deps/${file}`]);
    const result = await runSandboxed({
      tools: state.tools,
      limits: COMPILE_LIMITS,
      system: "usr",
      mounts: [
        { from: state.sysroot, to: "/opt/rust" },
        { from: state.depsDir, to: "/opt/deps" },
        { from: src, to: SANDBOX_SRC },
        { from: hiddenSrc, to: hiddenDir },
        { from: out, to: "/out", writable: true },
      ],
      // No /proc in the sandbox, so the loader cannot resolve rustc's $ORIGIN rpath itself.
      env: { LD_LIBRARY_PATH: "/opt/rust/lib" },
      beforeRun: (uid) => chown(out, uid, uid),
      argv: [
        "/opt/rust/bin/rustc",
        "--sysroot",
        "/opt/rust",
        "--edition",
        "2021",
        "--crate-name",
        "submission",
        "--crate-type",
        "bin",
        "-C",
        "opt-level=1",
        "-C",
        "debuginfo=0",
        "-C",
        "strip=symbols",
        "-C",
        `linker=${state.tools.gcc}`,
        "-L",
        "dependency=/opt/deps",
        ...externs,
        "--error-format=json",
        "--json=diagnostic-short",
        "-o",
        "/out/prog",
        `${hiddenDir}/main.rs`,
      ],
    });
    const report = parseRustcOutput(result.stderr, STUDENT_PATH);
    const warnings = report.diagnostics.filter((d) => d.severity !== "error");
    if (result.code === 0 && !result.timedOut) {
      await mkdir(cacheDir, { recursive: true });
      await rename(path.join(out, "prog"), path.join(cacheDir, "prog.partial"));
      await writeFile(path.join(cacheDir, "warnings.json"), JSON.stringify(warnings));
      await rename(path.join(cacheDir, "prog.partial"), path.join(cacheDir, "prog"));
      await pruneBuildCache({ maxBytes: BUILD_CACHE_BYTES });
      return { ok: true, binary: path.join(cacheDir, "prog"), warnings, cached: false, ms: ms() };
    }
    const failure = failureOf(result, report);
    // Only the compiler's own verdicts are cached: a timeout or a resource failure may be the
    // machine's fault (a crowded host, a limit changed later), so those compile again next time.
    if (failure.kind !== "timeout" && failure.kind !== "resource_limit") {
      await mkdir(cacheDir, { recursive: true });
      await writeFile(path.join(cacheDir, "failure.json"), JSON.stringify(failure));
    }
    return { ok: false, ...failure, cached: false, ms: ms() };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function failureOf(result: SandboxOutcome, report: ReturnType<typeof parseRustcOutput>): CompileFailure {
  const diagnostics = report.diagnostics;
  if (result.job && result.job.oomKills > 0) {
    return {
      kind: "resource_limit",
      message: `the compiler ran out of memory on your code (the limit is ${COMPILE_LIMITS.memoryMb} MB): a huge array or static?`,
      diagnostics,
    };
  }
  if (result.timedOut || result.signal === "SIGXCPU" || result.job?.cpuLimitHit) {
    return {
      kind: "timeout",
      message: "compiling your code took too long and was stopped (endless const evaluation or macro expansion?)",
      diagnostics,
    };
  }
  const firstError = diagnostics.find((d) => d.severity === "error");
  if (firstError) {
    const head = firstError.message.split("\n")[0] ?? "";
    return {
      kind: "compile_error",
      message: `your code does not compile (line ${firstError.line}, column ${firstError.column}: ${firstError.code ? `${firstError.code} ` : ""}${head})`,
      diagnostics,
    };
  }
  if (report.errorsElsewhere.length > 0) {
    const errors = [...new Set(report.errorsElsewhere)].slice(0, 3).join("; ");
    return {
      kind: "missing_api",
      message: `the tests cannot use your file as the statement asks (${errors}): check the names and signatures against the starter`,
      diagnostics,
    };
  }
  if (
    /memory allocation|out of memory|Cannot allocate/i.test(result.stderr) ||
    result.signal === "SIGKILL" ||
    result.signal === "SIGABRT"
  ) {
    return {
      kind: "resource_limit",
      message: "the compiler ran out of its memory or process budget on your code",
      diagnostics,
    };
  }
  return {
    kind: "compile_error",
    message: `the compiler failed: ${
      result.stderr
        .replace(/\{.*\}\n?/g, "")
        .trim()
        .slice(0, 300) || "no message"
    }`,
    diagnostics,
  };
}

async function fromCache(
  dir: string,
): Promise<({ ok: true; binary: string; warnings: Diagnostic[] } | ({ ok: false } & CompileFailure)) | null> {
  const binary = path.join(dir, "prog");
  if (
    await stat(binary).then(
      () => true,
      () => false,
    )
  ) {
    const warnings = z
      .array(Diagnostic)
      .safeParse(JSON.parse(await readFile(path.join(dir, "warnings.json"), "utf8").catch(() => "[]")));
    return { ok: true, binary, warnings: warnings.success ? warnings.data : [] };
  }
  const failure = await readFile(path.join(dir, "failure.json"), "utf8").then(
    (t) => Failure.safeParse(JSON.parse(t)),
    () => null,
  );
  return failure?.success ? { ok: false, ...failure.data } : null;
}

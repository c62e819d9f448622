// The Rust runner: compile the submission's crate in the sandbox (cached), run the binary in
// the sandbox with the hidden tests driving the student's functions, and fold the harness's
// records (fd 3, nonce-checked) with what the sandbox saw (limits, signals) into a GradeResult.
import { randomBytes, randomInt } from "node:crypto";
import {
  GradeResult,
  OUTPUT_CAP_BYTES,
  statusOfReason,
  type Diagnostic,
  type Reason,
  type TestResult,
} from "../../contract.ts";
import type { ExerciseMeta } from "../../../exercises/schema.ts";
import { compileCrate } from "./compile-crate.ts";
import { harnessInput } from "./harness-input.ts";
import { readResults } from "./read-results.ts";
import { runSandboxed, type SandboxOutcome } from "./sandbox/run-sandboxed.ts";
import { readRustState } from "./toolchain/rust-paths.ts";

/** `decisive`: a limit of the whole job was hit, whatever the tests reported before it. */
type Early = { reason: Reason; message: string; decisive?: boolean };

/**
 * A machine other than this one, for the CPU-count tests: `cpuList` pins the run to those CPUs
 * (taskset), `cpus` is the size rayon and tokio would read for their default pools.
 */
export type SimulatedMachine = { cpuList?: string; cpus?: number };

/** `seed`: the grade's input seed (grade() always passes one; tests may leave it to chance). */
export async function gradeRust(options: {
  code: string;
  dir: string;
  meta: ExerciseMeta;
  seed?: number;
  machine?: SimulatedMachine;
}): Promise<GradeResult> {
  const state = await readRustState();
  if (!state)
    return finish({
      tests: [],
      diagnostics: [],
      early: {
        reason: "internal",
        message: "Rust cannot be graded here because the toolchain is not set up: run ./interleave rust setup",
      },
    });
  const compiled = await compileCrate({ code: options.code, dir: options.dir, state });
  if (!compiled.ok) {
    const reason: Reason = compiled.kind;
    return finish({ tests: [], diagnostics: compiled.diagnostics, early: { reason, message: compiled.message } });
  }
  const { limits } = options.meta;
  const nonce = randomBytes(16).toString("hex");
  const run = await runSandboxed({
    tools: state.tools,
    // A student's program sees its loader and shared libraries of the host, nothing else: no
    // shell or interpreter it could start as a helper.
    system: state.runtimeLibraries,
    limits: {
      // The exercise's CPU budget for the whole job where a cgroup counts it (the kernel's CPU
      // time of every thread and process: waiting for a core is not in it); per process, the
      // old, looser rlimit stays as the fallback.
      cpuSeconds: cgroupCpuSeconds(limits.cpuMs),
      memoryMb: jobMemoryMb(limits.memoryMb),
      // ≥ 1 GiB: less breaks many-thread programs (each thread reserves its stack).
      addressSpaceMb: Math.max(1024, limits.memoryMb * 2),
      fileSizeMb: 8,
      openFiles: 128,
      processes: Math.max(64, limits.maxWorkers * 4),
      tmpfsMb: 16,
      // Time the run may take apart from waiting for a core (a crowded machine does not shorten
      // it; a program asleep for ever is stopped after it all the same); plain wall time only
      // as a distant safety net.
      wallMs: limits.wallMs * 4,
      safetyWallMs: limits.wallMs * 8,
      outputBytes: 1024 * 1024,
    },
    mounts: [{ from: compiled.binary, to: "/opt/prog" }],
    // The job's CPU pressure, read-only: the harness's own clocks (a blocked runtime's stretch,
    // its deadlock watchdog) leave out time the whole program waited for a core.
    pressureAt: "/run/interleave/cpu.pressure",
    // glibc reserves 64 MiB of address space per malloc arena; two arenas keep threads cheap.
    env: { MALLOC_ARENA_MAX: "2", RUST_BACKTRACE: "0", ...machineEnv(options.machine) },
    ...(options.machine?.cpuList ? { cpuList: options.machine.cpuList } : {}),
    argv: ["/opt/prog"],
    // Inputs are drawn at run time from the seed: the binary stays cached by source, and the
    // hidden tests' strings in it give no answer away.
    stdin: harnessInput({ nonce, thresholds: options.meta.thresholds, seed: options.seed ?? randomInt(2 ** 32) }),
  });
  const report = readResults(run.results, nonce);
  const early = jobLimitHit(run, limits) ?? (report.done ? null : abnormalEnd(run, report.rejected));
  const reported = new Set(report.tests.map((t) => t.name));
  const missing: TestResult[] = (report.plan ?? [])
    .filter((name) => !reported.has(name))
    .map((name) => ({
      name,
      status: statusOfReason(early?.reason ?? "internal"),
      reason: early?.reason ?? "internal",
      message: `not finished: ${early?.message ?? "the harness stopped"}`,
      durationMs: 0,
      clock: "real",
    }));
  return finish({ tests: [...report.tests, ...missing], diagnostics: compiled.warnings, early, run });
}

function machineEnv(machine: SimulatedMachine | undefined): Record<string, string> {
  if (!machine?.cpus) return {};
  return { RAYON_NUM_THREADS: String(machine.cpus), TOKIO_WORKER_THREADS: String(machine.cpus) };
}

/** CPU seconds of the whole run: the exercise's budget (references use under a third of it). */
export function cgroupCpuSeconds(cpuMs: number): number {
  return cpuMs / 1000;
}

/** Memory of the whole run, every process and thread together. */
export function jobMemoryMb(memoryMb: number): number {
  return Math.max(256, memoryMb * 2);
}

const SIGNALS: Record<number, string> = { 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV", 24: "SIGXCPU", 25: "SIGXFSZ" };

/**
 * The whole job's CPU or memory limit, as its cgroup counted: decisive even when the tests had
 * reported (a child process killed for memory can leave the parent to answer something).
 */
function jobLimitHit(run: SandboxOutcome, limits: ExerciseMeta["limits"]): Early | null {
  if (!run.job) return null;
  if (run.job.cpuLimitHit) {
    const used = (run.job.cpuMs / 1000).toFixed(1);
    return {
      decisive: true,
      reason: "timeout",
      message: `your program used ${used} s of CPU time across all its threads and processes, more than the ${cgroupCpuSeconds(limits.cpuMs)} s it may use, and was stopped (an endless loop, or busy-waiting?)`,
    };
  }
  if (run.job.oomKills > 0) {
    return {
      decisive: true,
      reason: "memory_limit",
      message: `your program and everything it started used more than ${jobMemoryMb(limits.memoryMb)} MB of memory together and were stopped`,
    };
  }
  return null;
}

function abnormalEnd(run: SandboxOutcome, rejected: number): Early {
  const seconds = (run.activeMs / 1000).toFixed(1);
  if (run.outputFlooded)
    return { reason: "output_limit", message: "your program printed more than 1 MiB and was stopped" };
  if (run.timedOut)
    return {
      reason: "timeout",
      message: `your program was still running after ${seconds} s and was stopped (an endless loop, a deadlock or a sleep that never ends?)`,
    };
  if (run.signal === "SIGXCPU" || run.code === 128 + 24)
    return { reason: "timeout", message: "your program used up its CPU time and was stopped" };
  if (/memory allocation of \d+ bytes failed|out of memory/i.test(run.stderr))
    return {
      reason: "memory_limit",
      message: "your program ran out of memory (the sandbox allows about 1 GiB of address space)",
    };
  // bwrap reports a child killed by signal N as exit code 128 + N.
  const signal = run.signal ?? (run.code !== null && run.code > 128 ? SIGNALS[run.code - 128] : undefined);
  if (signal === "SIGXFSZ")
    return { reason: "resource_limit", message: "your program wrote a file larger than the sandbox allows (8 MiB)" };
  if (/has overflowed its stack/.test(run.stderr))
    return {
      reason: "runtime_error",
      message: "your program overflowed its stack and was stopped (endless or too deep recursion?)",
    };
  if (signal === "SIGSEGV") {
    return {
      reason: "runtime_error",
      message:
        "your program crashed with a segmentation fault (an invalid memory access; in safe Rust usually a stack overflow from endless or too deep recursion)",
    };
  }
  if (
    (run.job && run.job.pidsRefused > 0) ||
    /failed to spawn thread|Resource temporarily unavailable/.test(run.stderr)
  )
    return {
      reason: "resource_limit",
      message: "your program started more processes or threads than the sandbox allows",
    };
  if (rejected > 0)
    return {
      reason: "runtime_error",
      message: `your program exited before the tests finished and ${rejected} unauthenticated result line(s) were ignored`,
    };
  const how = signal ? `was killed by ${signal}` : `exited with code ${run.code ?? "?"}`;
  return {
    reason: "runtime_error",
    message: `your program ${how} before the tests finished (std::process::exit, abort or a crash ends the test run)`,
  };
}

function cap(text: string): { text: string; truncated: boolean } {
  const bytes = Buffer.from(text, "utf8");
  return bytes.length <= OUTPUT_CAP_BYTES
    ? { text, truncated: false }
    : { text: bytes.subarray(0, OUTPUT_CAP_BYTES).toString("utf8"), truncated: true };
}

function finish(options: {
  tests: TestResult[];
  diagnostics: Diagnostic[];
  early: Early | null;
  run?: SandboxOutcome;
}): GradeResult {
  const { tests, early } = options;
  const passed = tests.filter((t) => t.status === "pass").length;
  const firstBad = tests.find((t) => t.status !== "pass");
  const stdout = cap(options.run?.stdout ?? "");
  const stderr = cap(options.run?.stderr ?? "");
  const base = {
    version: 1 as const,
    score: tests.length > 0 ? passed / tests.length : 0,
    tests,
    diagnostics: options.diagnostics,
    stdout: stdout.text,
    stderr: stderr.text,
    truncated: stdout.truncated || stderr.truncated || (options.run?.outputFlooded ?? false),
  };
  if (
    early &&
    (early.decisive ||
      !firstBad ||
      tests.length === 0 ||
      firstBad.reason === early.reason ||
      firstBad.message?.startsWith("not finished"))
  ) {
    return GradeResult.parse({
      ...base,
      status: statusOfReason(early.reason),
      reason: early.reason,
      message: early.message,
    });
  }
  if (firstBad) {
    return GradeResult.parse({
      ...base,
      status: firstBad.status,
      reason: firstBad.reason ?? "internal",
      message: firstBad.message ?? `test "${firstBad.name}" did not pass`,
    });
  }
  if (tests.length === 0)
    return GradeResult.parse({
      ...base,
      status: "error",
      reason: "internal",
      message: "the hidden tests reported nothing",
    });
  return GradeResult.parse({ ...base, status: "pass", message: `all ${tests.length} tests passed` });
}

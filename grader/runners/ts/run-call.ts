// One call of one exported student function, in a fresh main isolate plus the workers it
// spawns. The host calls the export through a Reference, gets back a structured-clone COPY,
// and measures everything verdicts need (CPU per isolate, workers, failures) itself.
import type ivm from "isolated-vm";
import type { Span } from "../../contract.ts";
import type { Limits } from "../../../exercises/schema.ts";
import { cpuMsOf, createContext, createIsolate, disposeQuietly, loadStudentModule, retain } from "./isolate-setup.ts";
import type { OutputSink } from "./output-sink.ts";
import type { CallRuntime } from "./runtime.ts";
import { decideCallVerdict } from "./call-verdict.ts";
import { verdict, type Verdict } from "./verdicts.ts";
import { WorkerPool } from "./worker-pool.ts";

/**
 * Per-isolate time from isolated-vm's `cpuTime`. Measured here: the prebuilt isolated-vm 7.0.1
 * binary is compiled without CLOCK_THREAD_CPUTIME_ID, so this is the time the isolate spent
 * executing (running, or runnable but descheduled, or blocked inside a task such as
 * Atomics.wait): 4 concurrent loops on 2 cores each read ~3.1 s for ~1.55 s of real CPU.
 * Contention stretches every busy isolate alike, so ratios between isolates stay meaningful.
 */
export type IsolateUsage = { name: string; cpuMs: number };

export type CallStats = {
  wallMs: number;
  /** Busy time (see IsolateUsage) summed over the main isolate and every worker. */
  cpuMs: number;
  /** Total busy time ÷ the busiest isolate's: ≈1 sequential, ≈k for k balanced workers. */
  workSpread: number;
  /** The main isolate plus every worker started. */
  threadsUsed: number;
  isolates: IsolateUsage[];
  trace: Span[];
};

export type CallOutcome = { ok: true; value: unknown; stats: CallStats } | { ok: false; verdict: Verdict; stats: CallStats };

export type CallRequest = {
  /** Transpiled module and the TypeScript it came from (for positions in messages). */
  js: string;
  source: string;
  exportName: string;
  args: unknown[];
  limits: Limits;
  output: OutputSink;
  runtime: CallRuntime;
  /** ms since the current test started: the trace's time axis. */
  since: () => number;
};

const WATCHDOG_INTERVAL_MS = 5;

export async function runCall(request: CallRequest): Promise<CallOutcome> {
  const { limits, exportName, since } = request;
  const started = performance.now();
  const callStart = since();
  const isolate = createIsolate(limits);
  const pool = new WorkerPool({ limits, output: request.output, runtime: request.runtime, since });
  let stopped: Verdict | null = null;
  let mainCpuMs = 0;
  // Creating the context and loading the module is our work, not the student's function's.
  let mainSetupMs = 0;

  // The run's own clock: wall and CPU budgets checked from the host, whatever the isolates do.
  // Workers first: the main isolate usually allocated the shared memory they hold.
  const stop = (v: Verdict) => {
    if (stopped) return;
    stopped = v;
    mainCpuMs = Math.max(mainCpuMs, cpuMsOf(isolate));
    void pool.close();
    disposeQuietly(isolate);
  };
  const watchdog = setInterval(() => {
    if (performance.now() - started > limits.wallMs) {
      stop(verdict("timeout", `${exportName}(…) was still running after ${limits.wallMs} ms: look for a loop that never ends, or a join/wait that never returns`));
      return;
    }
    mainCpuMs = Math.max(mainCpuMs, cpuMsOf(isolate));
    if (mainCpuMs + pool.cpuMs() > limits.cpuMs) {
      stop(verdict("timeout", `${exportName}(…) kept its threads busy for more than ${limits.cpuMs} ms in total (the CPU limit)`));
    }
  }, WATCHDOG_INTERVAL_MS);

  let value: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    const context = await createContext({ isolate, output: request.output, runtime: request.runtime, role: { kind: "main" } });
    const module = await loadStudentModule({
      isolate,
      context,
      js: request.js,
      source: request.source,
      host: { spawn: (s, n, d) => pool.spawn(s, n, d), go: () => pool.closeBurst(), join: (id) => pool.join(id) },
      runtime: request.runtime,
      timeoutMs: limits.wallMs,
    });
    const fn: ivm.Reference = await module.namespace.get(exportName, { reference: true });
    if (fn.typeof !== "function") {
      throw new MissingExport(fn.typeof);
    }
    pool.acceptSpawns = true;
    mainSetupMs = cpuMsOf(isolate);
    value = await fn.apply(undefined, request.args, {
      arguments: { copy: true },
      result: { promise: true, copy: true },
      timeout: limits.wallMs,
    });
    retain(value);
  } catch (error) {
    threw = true;
    thrown = error;
  } finally {
    clearInterval(watchdog);
  }

  const endedAt = since();
  mainCpuMs = Math.max(mainCpuMs, cpuMsOf(isolate));
  const unfinished = pool.snapshotUnfinished();
  await pool.close();

  const stats = statsOf({ pool, mainCpuMs: Math.max(mainCpuMs - mainSetupMs, 0), wallMs: performance.now() - started, callStart, endedAt, runtime: request.runtime });
  const decided = decideCallVerdict({
    exportName,
    limits,
    pool,
    unfinished,
    stopped,
    threw,
    thrown,
    missingExport: thrown instanceof MissingExport ? thrown.actualType : null,
  });
  return decided ? { ok: false, verdict: decided, stats } : { ok: true, value, stats };
}

export class MissingExport extends Error {
  constructor(readonly actualType: string) {
    super(`export has type ${actualType}`);
  }
}

function statsOf(options: {
  pool: WorkerPool;
  mainCpuMs: number;
  wallMs: number;
  callStart: number;
  endedAt: number;
  runtime: CallRuntime;
}): CallStats {
  const { pool, mainCpuMs } = options;
  const isolates: IsolateUsage[] = [{ name: "main", cpuMs: mainCpuMs }, ...pool.workers.map((w) => ({ name: w.name, cpuMs: w.cpuMs }))];
  const cpuMs = isolates.reduce((sum, i) => sum + i.cpuMs, 0);
  const busiest = Math.max(...isolates.map((i) => i.cpuMs));
  const trace: Span[] = [
    { task: "main", thread: "main", kind: "run", start: options.callStart, end: options.endedAt },
    ...pool.trace(),
    ...options.runtime.spans(),
  ];
  return {
    wallMs: round(options.wallMs),
    cpuMs: round(cpuMs),
    workSpread: busiest > 0 ? round(cpuMs / busiest) : 1,
    threadsUsed: isolates.length,
    isolates: isolates.map((i) => ({ ...i, cpuMs: round(i.cpuMs) })),
    trace: trace.map((s) => ({ ...s, start: round(s.start), end: round(Math.max(s.end, s.start)) })),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

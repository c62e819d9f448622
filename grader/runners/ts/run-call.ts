// One call of one exported student function, in a fresh main isolate plus the workers it
// spawns. The host drives the main isolate's event loop (event-loop.ts), gets back a
// structured-clone COPY of the result, and measures everything verdicts need (CPU per
// isolate, stalls, virtual time, workers, channels, failures) itself.
import type ivm from "isolated-vm";
import type { Span } from "../../contract.ts";
import type { Limits } from "../../../exercises/schema.ts";
import { decideCallVerdict } from "./call-verdict.ts";
import { Channels, type ChannelStats } from "./channels.ts";
import { EventLoop } from "./event-loop.ts";
import { cpuMsOf, createContext, createIsolate, disposeQuietly, loadStudentModule, retain } from "./isolate-setup.ts";
import { FLOOD_CALLS, type OutputSink } from "./output-sink.ts";
import type { RuntimeOptions, WaitRecord } from "./runtime.ts";
import { verdict, type Verdict } from "./verdicts.ts";
import { spreadOf, ThreadCpuMeter } from "./thread-cpu.ts";
import { WorkerPool } from "./worker-pool.ts";

/**
 * Per-isolate time from isolated-vm's `cpuTime`. Measured here: the prebuilt isolated-vm 7.0.1
 * binary is compiled without CLOCK_THREAD_CPUTIME_ID, so this is the time the isolate spent
 * executing (running, or runnable but descheduled, or blocked inside a task such as
 * Atomics.wait): 4 concurrent loops on 2 cores each read ~3.1 s for ~1.55 s of real CPU.
 * Contention stretches every busy isolate alike, so ratios between isolates stay meaningful.
 * Time spent inside our host callbacks is not counted.
 */
export type IsolateUsage = { name: string; cpuMs: number };

export type CallStats = {
  wallMs: number;
  /** Busy time (see IsolateUsage) summed over the main isolate and every worker. */
  cpuMs: number;
  /**
   * CPU time of all threads ÷ the busiest thread's: ≈1 sequential, up to k for k balanced
   * workers (at most the size of isolated-vm's thread pool). From the kernel's per-thread CPU
   * time (threadSpread) where readable, else from the isolates' busy time.
   */
  workSpread: number;
  /** The main isolate plus every worker started. */
  threadsUsed: number;
  /**
   * Work spread from the kernel's CPU time per OS thread during the call (thread-cpu.ts):
   * unlike the isolates' busy time it does not stretch while a thread waits for a core.
   * null where /proc is not readable.
   */
  threadSpread: number | null;
  /** CPU ms of each OS thread that ran during the call, busiest first. */
  threadCpuMs: number[];
  /** Every spawn() call, refused ones included. */
  spawnAttempts: number;
  isolates: IsolateUsage[];
  clock: "virtual" | "real";
  /** Elapsed time on the call's clock (virtual or real). */
  virtualMs: number;
  /** The longest slice of main-isolate code between two yields, in real (busy) ms, and its task. */
  longestStallMs: number;
  longestStallTask: string;
  waits: WaitRecord[];
  /** Waits of the main function still pending when it returned (started, never awaited). */
  pendingAtEnd: number;
  heartbeat?: { everyMs: number; beats: number; longestGapMs: number };
  channels: ChannelStats[];
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
  runtime: RuntimeOptions;
  /** Trace time at which this call starts (the test's clock). */
  origin: number;
};

const WATCHDOG_INTERVAL_MS = 5;
/** Growth of this process's resident memory during one call that is never acceptable. */
const HARD_TOTAL_MEMORY_MB = 768;

/** Memory all isolates of one call may use together: the per-isolate limit does not bound a crowd. */
export function totalMemoryMb(limits: Limits): number {
  return Math.min(Math.max(limits.memoryMb * 3, 128), HARD_TOTAL_MEMORY_MB);
}

export async function runCall(request: CallRequest): Promise<CallOutcome> {
  const { limits, exportName } = request;
  const started = performance.now();
  const isolate = createIsolate(limits);
  const channels = new Channels(() => loop.notify());
  const loop: EventLoop = new EventLoop({ isolate, runtime: request.runtime, channels, exportName, wallMs: limits.wallMs, origin: request.origin });
  const pool = new WorkerPool({ limits, output: request.output, loop, channels });
  loop.attachPool(pool.hooks());
  let stopped: Verdict | null = null;
  let mainCpuMs = 0;
  // Creating the context and loading the module is our work, not the student's function's.
  let mainSetupMs = 0;
  let threads: ThreadCpuMeter | null = null;
  let ticks = 0;

  // The run's own clock: wall, CPU, memory and output budgets checked from the host, whatever
  // the isolates do. Workers first: the main isolate usually allocated the shared memory they hold.
  const stop = (v: Verdict) => {
    if (stopped) return;
    stopped = v;
    mainCpuMs = Math.max(mainCpuMs, cpuMsOf(isolate));
    loop.stop(v);
    void pool.close();
    disposeQuietly(isolate);
  };
  const rssAtStart = process.memoryUsage.rss();
  const totalMb = totalMemoryMb(limits);
  const watchdog = setInterval(() => {
    if (performance.now() - started > limits.wallMs) {
      stop(verdict("timeout", `${exportName}(…) was still running after ${limits.wallMs} ms: look for a loop that never ends, or a join/wait that never returns`));
      return;
    }
    mainCpuMs = Math.max(mainCpuMs, cpuMsOf(isolate));
    if (mainCpuMs + pool.cpuMs() > limits.cpuMs) {
      stop(verdict("timeout", `${exportName}(…) kept its threads busy for more than ${limits.cpuMs} ms in total (the CPU limit)`));
      return;
    }
    const grownMb = (process.memoryUsage.rss() - rssAtStart) / 2 ** 20;
    if (grownMb > totalMb) {
      stop(verdict("memory_limit", `${exportName}(…) and its workers used more than ${totalMb} MB of memory together (the limit for all isolates of one call)`));
      return;
    }
    // Every 25 ms: a thread that ends keeps the CPU time it had at its last sample.
    if (++ticks % 5 === 0) threads?.sample();
    if (request.output.flooded) {
      stop(verdict("output_limit", `${exportName}(…) kept printing after its output reached the cap (${FLOOD_CALLS} more console calls were dropped): print less, or not inside hot loops`));
    }
  }, WATCHDOG_INTERVAL_MS);

  let value: unknown;
  let thrown: unknown;
  let threw = false;
  let missingExport: string | null = null;
  try {
    const context = await createContext({ isolate, output: request.output, role: { kind: "main" } });
    const { module, refs } = await loadStudentModule({
      isolate,
      context,
      js: request.js,
      source: request.source,
      host: {
        spawn: (s, n, d) => pool.spawn(s, n, d),
        go: () => pool.closeBurst(),
        wait: (kind, a, b, c, task, daemon) => loop.mainWait(kind, a, b, c, task, daemon),
        finish: () => loop.finish(),
        channel: () => channels.create("main"),
        send: (h, v) => channels.send("main", h, v),
        close: (h) => channels.close("main", h),
      },
      timeoutMs: limits.wallMs,
    });
    const fn: ivm.Reference = await module.namespace.get(exportName, { reference: true });
    if (fn.typeof !== "function") {
      missingExport = fn.typeof;
    } else {
      pool.acceptSpawns = true;
      mainSetupMs = cpuMsOf(isolate);
      threads = new ThreadCpuMeter();
      await loop.run(refs, fn, request.args);
      if (loop.finished && !stopped) {
        value = await loop.takeResult(refs);
        retain(value);
      }
    }
  } catch (error) {
    threw = true;
    thrown = error;
  } finally {
    clearInterval(watchdog);
  }

  const endedAt = loop.elapsed();
  mainCpuMs = Math.max(mainCpuMs, cpuMsOf(isolate));
  const unfinished = pool.snapshotUnfinished();
  await pool.close();
  const threadCpuMs = threads?.finish() ?? [];

  const stats = statsOf({ pool, loop, channels, mainCpuMs: Math.max(mainCpuMs - mainSetupMs, 0), wallMs: performance.now() - started, endedAt, request, threadCpuMs });
  const decided = decideCallVerdict({ exportName, limits, pool, unfinished, stopped, threw, thrown, missingExport, runtime: loop.verdict() });
  return decided ? { ok: false, verdict: decided, stats } : { ok: true, value, stats };
}

function statsOf(options: {
  pool: WorkerPool;
  loop: EventLoop;
  channels: Channels;
  mainCpuMs: number;
  wallMs: number;
  endedAt: number;
  request: CallRequest;
  threadCpuMs: number[];
}): CallStats {
  const { pool, loop, mainCpuMs, request } = options;
  const isolates: IsolateUsage[] = [{ name: "main", cpuMs: mainCpuMs }, ...pool.workers.map((w) => ({ name: w.name, cpuMs: w.cpuMs }))];
  const cpuMs = isolates.reduce((sum, i) => sum + i.cpuMs, 0);
  const busiest = Math.max(...isolates.map((i) => i.cpuMs));
  const threadSpread = options.threadCpuMs.length > 0 ? round(spreadOf(options.threadCpuMs) ?? 1) : null;
  // Main's run spans are its slices (from the loop): between them it was waiting, not running.
  const trace: Span[] = [...loop.trace(), ...pool.trace()];
  const waits = loop.waitRecords();
  const heartbeat = loop.heartbeat();
  return {
    wallMs: round(options.wallMs),
    cpuMs: round(cpuMs),
    // The kernel's CPU split across OS threads where it can be read: the isolates' busy times
    // stretch with time spent waiting for a core, and on a crowded machine (load 20 on 2
    // cores) a good 4-worker solution's busy-time spread was seen at 1.48.
    workSpread: threadSpread ?? (busiest > 0 ? round(cpuMs / busiest) : 1),
    threadsUsed: isolates.length,
    threadSpread,
    threadCpuMs: options.threadCpuMs.map(round),
    spawnAttempts: pool.attempted,
    isolates: isolates.map((i) => ({ ...i, cpuMs: round(i.cpuMs) })),
    clock: request.runtime.clock,
    virtualMs: round(options.endedAt),
    longestStallMs: round(loop.longest.ms),
    longestStallTask: loop.longest.task,
    waits,
    pendingAtEnd: waits.filter((w) => w.thread === "main" && !w.daemon && w.end === undefined).length,
    ...(heartbeat ? { heartbeat } : {}),
    channels: options.channels.stats(),
    trace: trace.map((s) => ({ ...s, start: round(s.start), end: round(Math.max(s.end, s.start)) })),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

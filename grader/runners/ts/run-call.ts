// One call of one exported student function, in a fresh main isolate plus the workers it
// spawns. The host drives the main isolate's event loop (event-loop.ts), gets back a
// structured-clone COPY of the result, and measures everything verdicts need (kernel CPU of
// the call's threads, the main isolate's share, workers' runs, stalls, virtual time, channels,
// failures) itself.
import type ivm from "isolated-vm";
import type { Span } from "../../contract.ts";
import type { Limits } from "../../../exercises/schema.ts";
import { decideCallVerdict } from "./call-verdict.ts";
import { Channels, sendRefusal, type ChannelStats, type NumberLog } from "./channels.ts";
import { EventLoop } from "./event-loop.ts";
import { createContext, createIsolate, disposeQuietly, loadStudentModule, retain, stopOf } from "./isolate-setup.ts";
import { MainCpu } from "./main-cpu.ts";
import { FLOOD_CALLS, type OutputSink } from "./output-sink.ts";
import type { RuntimeOptions, WaitRecord } from "./runtime.ts";
import { figuresOf, type WorkerRun } from "./parallelism.ts";
import { errorMessage, verdict, VerdictError, type Verdict } from "./verdicts.ts";
import { StudentPositions } from "./positions.ts";
import type { Taken } from "./student-value.ts";
import type { WorkerMemory } from "./shared-memory.ts";
import { ThreadCpuMeter } from "./thread-cpu.ts";
import { overtimeVerdict, TimeLimit } from "./time-limit.ts";
import { WorkerPool } from "./worker-pool.ts";

export type CallStats = {
  wallMs: number;
  /**
   * CPU the call's threads really ran, from the kernel's per-thread counts (thread-cpu.ts):
   * the main isolate and every worker, not V8's helper threads, never time spent waiting for a
   * core. The CPU limit is checked against this figure.
   */
  cpuMs: number;
  /** Upper bound of the main isolate's part of cpuMs (main-cpu.ts). */
  mainCpuMs: number;
  /**
   * The workers' CPU (cpuMs − mainCpuMs) ÷ the busiest thread's CPU: ≈1 when one thread did
   * the work, ≈k for k balanced workers, whatever else the machine does (parallelism.ts).
   */
  workSpread: number;
  /** The main isolate plus every worker started. */
  threadsUsed: number;
  /** CPU ms of each thread that ran the call's isolates, busiest first (empty where /proc is unreadable). */
  threadCpuMs: number[];
  /** Every spawn() call, refused ones included. */
  spawnAttempts: number;
  /** Each worker's run on the call's clock, in spawn order (parallelism.ts judges them). */
  workers: WorkerRun[];
  clock: "virtual" | "real";
  /** Elapsed time on the call's clock (virtual or real). */
  virtualMs: number;
  /** The longest slice of main-isolate code between two yields, in CPU ms, and its task. */
  longestStallMs: number;
  longestStallTask: string;
  waits: WaitRecord[];
  /** Waits of the main function still pending when it returned (started, never awaited). */
  pendingAtEnd: number;
  /** Workers not finished (or not yet started) when the main function returned: joins not awaited. */
  unfinishedAtEnd: number;
  heartbeat?: { everyMs: number; beats: number; longestGapMs: number };
  /** Per channel: messages sent, received, queued, discarded, and by whom (main or worker id). */
  channels: ChannelStats[];
  /** The numbers sent and received through channels, per holder, in order (host truth). */
  numberLog: NumberLog;
  /** Per worker, in spawn order: the shared arrays it was given, as they ended (shared-memory.ts). */
  workerMemory: WorkerMemory[];
  /** What visit() and score() handed the main isolate (counter-work.ts; workers' are in workerMemory). */
  mainCounter: Int32Array;
  trace: Span[];
};

export type CallOutcome =
  { ok: true; value: unknown; stats: CallStats } | { ok: false; verdict: Verdict; stats: CallStats };

export type CallRequest = {
  /** Transpiled module, its source map and the TypeScript it came from (for positions in messages). */
  js: string;
  map?: string;
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
  const time = new TimeLimit(limits.wallMs);
  const isolate = createIsolate(limits);
  const channels = new Channels(() => loop.notify());
  const mainCpu = new MainCpu(() => pool.workers.length > 0);
  const loop: EventLoop = new EventLoop({
    isolate,
    runtime: request.runtime,
    channels,
    exportName,
    time,
    origin: request.origin,
    mainCpu,
  });
  const positions = new StudentPositions(request.js, request.map);
  const pool = new WorkerPool({
    limits,
    time,
    output: request.output,
    loop,
    channels,
    positions,
    primesCountedBelow: request.runtime.primesCountedBelow,
  });
  loop.attachPool(pool.hooks());
  let stopped: Verdict | null = null;
  // Started with the student's function: creating the context and loading the module is ours.
  let threads: ThreadCpuMeter | null = null;
  let ticks = 0;

  // The run's own clock: time (unstarved, time-limit.ts), CPU, memory and output budgets
  // checked from the host, whatever the isolates do. Workers first: the main isolate usually allocated the shared memory they hold.
  const stop = (v: Verdict) => {
    if (stopped) return;
    stopped = v;
    loop.stop(v);
    void pool.close();
    disposeQuietly(isolate);
  };
  const rssAtStart = process.memoryUsage.rss();
  const totalMb = totalMemoryMb(limits);
  const watchdog = setInterval(() => {
    if (time.check()) {
      stop(
        overtimeVerdict(time, {
          subject: `${exportName}(…)`,
          hint: " — a loop that never ends, or a join/wait that never returns?",
        }),
      );
      return;
    }
    // Every 25 ms: a thread that ends keeps the CPU time it had at its last sample.
    if (++ticks % 5 === 0) threads?.sample();
    if (threads && threads.usedMs() > limits.cpuMs) {
      stop(
        verdict(
          "timeout",
          `${exportName}(…) and its workers used more than ${limits.cpuMs} ms of CPU in total (the CPU limit)`,
        ),
      );
      return;
    }
    const grownMb = (process.memoryUsage.rss() - rssAtStart) / 2 ** 20;
    if (grownMb > totalMb) {
      stop(
        verdict(
          "memory_limit",
          `${exportName}(…) and its workers used more than ${totalMb} MB of memory together (the limit for all isolates of one call)`,
        ),
      );
      return;
    }
    if (request.output.flooded) {
      stop(
        verdict(
          "output_limit",
          `${exportName}(…) kept printing after its output reached the cap (${FLOOD_CALLS} more console calls were dropped)`,
        ),
      );
    }
  }, WATCHDOG_INTERVAL_MS);

  let taken: Taken | null = null;
  // Anything thrown on the host's side of the call: a VerdictError about the module, or the
  // isolate being stopped. The student's own throws arrive in `taken`, tagged by the harness.
  let failure: unknown = null;
  let failed = false;
  let missingExport: string | null = null;
  try {
    const context = await createContext({ isolate, output: request.output, role: { kind: "main" } });
    const { module, refs } = await loadStudentModule({
      isolate,
      context,
      js: request.js,
      source: request.source,
      host: {
        spawn: (s, n, d) => refusalOf(() => pool.spawn(s, n, d)),
        go: () => pool.closeBurst(),
        wait: (kind, subject, latencyMs, value, task, daemon) =>
          loop.mainWait(kind, subject, latencyMs, value, task, daemon),
        finish: () => loop.finish(),
        channel: () => channels.create("main"),
        send: (h, v) => sendRefusal(() => channels.send("main", h, v)),
        close: (h) => channels.close("main", h),
      },
      counterNote: pool.mainCounter,
      timeoutMs: time.isolateTimeoutMs(),
    });
    const fn: ivm.Reference = await module.namespace.get(exportName, { reference: true });
    if (fn.typeof !== "function") {
      missingExport = fn.typeof;
    } else {
      pool.acceptSpawns = true;
      threads = new ThreadCpuMeter();
      mainCpu.start(threads);
      await loop.run(refs, fn, request.args);
      if (loop.finished && !stopped) {
        taken = await loop.takeResult(refs);
        if (taken.tag === "value") retain(taken.value);
      }
    }
  } catch (error) {
    failed = true;
    failure = error;
  } finally {
    clearInterval(watchdog);
  }
  // isolated-vm's own timeout (a backstop just past the watchdog's safety net) stops the
  // isolate without disposing it: the host's clock, not the error's text, says it was that.
  if (failed && !stopped && !(failure instanceof VerdictError) && time.netPassed()) {
    stopped = overtimeVerdict(time, { subject: `${exportName}(…)`, hint: " — a loop that never ends?" });
  }

  const endedAt = loop.elapsed();
  const unfinished = pool.snapshotUnfinished();
  await pool.close();
  const cpu = threads?.finish() ?? { totalMs: 0, perThreadMs: [] };

  const stats = statsOf({
    pool,
    loop,
    channels,
    mainCpuMs: mainCpu.ms,
    cpu,
    wallMs: performance.now() - started,
    endedAt,
    request,
    unfinished: unfinished.size,
  });
  const decided = decideCallVerdict({
    exportName,
    limits,
    pool,
    unfinished,
    stopped,
    failed,
    failure,
    taken,
    mainStop: stopOf(isolate),
    missingExport,
    runtime: loop.verdict(),
    positions,
  });
  if (decided) return { ok: false, verdict: decided, stats };
  return { ok: true, value: taken?.tag === "value" ? taken.value : undefined, stats };
}

/** Host refusals of spawn() go back as [-1, message]: a throw would look like a failed copy of data. */
function refusalOf(spawn: () => [number, string]): [number, string] {
  try {
    return spawn();
  } catch (error) {
    return [-1, errorMessage(error)];
  }
}

function statsOf(options: {
  pool: WorkerPool;
  loop: EventLoop;
  channels: Channels;
  mainCpuMs: number;
  cpu: { totalMs: number; perThreadMs: number[] };
  wallMs: number;
  endedAt: number;
  request: CallRequest;
  unfinished: number;
}): CallStats {
  const { pool, loop, request, cpu } = options;
  const workers = pool.runs();
  const mainCpuMs = Math.min(options.mainCpuMs, cpu.totalMs);
  const { workSpread } = figuresOf({ workers, cpuMs: cpu.totalMs, mainCpuMs, threadCpuMs: cpu.perThreadMs });
  // Main's run spans are its slices (from the loop): between them it was waiting, not running.
  const trace: Span[] = [...loop.trace(), ...pool.trace()];
  const waits = loop.waitRecords();
  const heartbeat = loop.heartbeat();
  return {
    wallMs: round(options.wallMs),
    cpuMs: round(cpu.totalMs),
    mainCpuMs: round(mainCpuMs),
    workSpread,
    threadsUsed: 1 + pool.workers.length,
    threadCpuMs: cpu.perThreadMs.map(round),
    spawnAttempts: pool.attempted,
    workers: workers.map((w) => ({ ...w, start: round(w.start), end: round(w.end), busyMs: round(w.busyMs) })),
    clock: request.runtime.clock,
    virtualMs: round(options.endedAt),
    longestStallMs: round(loop.longest.ms),
    longestStallTask: loop.longest.task,
    waits,
    pendingAtEnd: waits.filter((w) => w.thread === "main" && !w.daemon && w.end === undefined).length,
    unfinishedAtEnd: options.unfinished,
    ...(heartbeat ? { heartbeat } : {}),
    channels: options.channels.stats(),
    numberLog: options.channels.numberLog(),
    workerMemory: pool.memory(),
    mainCounter: pool.mainCounter,
    trace: trace.map((s) => ({ ...s, start: round(s.start), end: round(Math.max(s.end, s.start)) })),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

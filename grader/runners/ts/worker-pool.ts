// The workers of one call: each spawn() gets a NEW isolate, which isolated-vm runs on its own
// pool thread, so workers really run at the same time. All bookkeeping that verdicts use
// (counts, failures, joins, CPU time) lives here, on the host, out of the student's reach.
import ivm from "isolated-vm";
import type { Span } from "../../contract.ts";
import type { Limits } from "../../../exercises/schema.ts";
import { sendRefusal, type Channels } from "./channels.ts";
import type { EventLoop, Outcome, PoolHooks, Stuck } from "./event-loop.ts";
import { cpuMsOf, createContext, createIsolate, disposeQuietly, retain, stopOf } from "./isolate-setup.ts";
import type { OutputSink } from "./output-sink.ts";
import type { WorkerRun } from "./parallelism.ts";
import {
  describeView,
  endOrderOf,
  findSharedViews,
  prepareSnapshots,
  readSnapshot,
  snapshotViews,
  type NumberArray,
  type OnThreadSnapshots,
  type WorkerMemory,
} from "./shared-memory.ts";
import { errorMessage, verdict, type Verdict } from "./verdicts.ts";
import type { StudentPositions } from "./positions.ts";
import { overtimeVerdict, type TimeLimit } from "./time-limit.ts";
import { COPY_FAILED, parseEnvelope, thrownPhrase, unclonableSentence, type Taken } from "./student-value.ts";
import { WORKER_RUNTIME_SOURCE } from "./isolate-code.ts";
import { MAX_LOCK_SPANS } from "./isolate/shared-constants.ts";
import { createCounterNote, workLogOf, type CounterNote } from "./counter-work.ts";
import { createPrimeNote, type PrimeNote } from "./prime-work.ts";

type LockSpan = [start: number, end: number, waits: number];

type WorkerState = "starting" | "ready" | "running" | "done" | "failed" | "stopped";

export type WorkerRecord = {
  id: number;
  name: string;
  state: WorkerState;
  joined: boolean;
  value?: unknown;
  /** Why it failed, phrased for the student; task_failed unless a limit stopped it. */
  failure?: Verdict;
  isolate: ivm.Isolate | null;
  /**
   * isolated-vm's busy time of the student's function (setup left out). It counts waiting for a
   * core, so it is only a fallback for the work spread where /proc cannot be read.
   */
  busyMs: number;
  /** Every worker spawned before this one had been joined and had ended when it was spawned. */
  afterJoins: boolean;
  startedAt?: number;
  /** Date.now() when it started: worker lock times are wall-clock ms, placed relative to this. */
  startedEpoch?: number;
  endedAt?: number;
  /** Times it slept in Atomics.wait, as the worker noted them: [start, end, waits] in epoch ms. */
  locks: LockSpan[];
  locksDropped: number;
  /** Shared with the worker: [state, entries] of its Atomics.wait sleeps (isolate/worker-atomics.ts). */
  sleepCell: Int32Array;
  settled: Promise<void>;
  /** Starts the prepared worker; set once its isolate is ready. */
  launch?: () => void;
  /** Joins waiting for this worker's end. */
  onEnd: ((o: Outcome) => void)[];
  /** The shared arrays in its spawn data, through which the host reads what it wrote. */
  shared: ReturnType<typeof findSharedViews>;
  /** Where the worker copies its shared memory itself when it starts and ends (see OnThreadSnapshots). */
  snapshots: OnThreadSnapshots;
  /** The shared memory as this worker found it when it started running (see snapshotViews). */
  sharedAtStart?: NumberArray[];
  /** The shared memory as this worker left it, copied when it ended (see snapshotViews). */
  sharedAtEnd?: NumberArray[];
  /** The numbers it decided with isPrime (prime-work.ts), in memory only the host reads. */
  primes: PrimeNote;
  /** What visit() and score() handed it (counter-work.ts), in memory only the host reads. */
  counter: CounterNote;
};

export const TOP_LEVEL_SPAWN =
  "spawn() can only be called from inside your exported functions, not while the module loads";

/** If the student's code never yields after spawning (e.g. it blocks on Atomics.wait), start anyway. */
const BURST_GRACE_MS = 30;

const ACTIVE: ReadonlySet<WorkerState> = new Set(["starting", "ready", "running"]);

export class WorkerPool {
  readonly workers: WorkerRecord[] = [];
  /** What visit() and score() handed the main isolate (counter-work.ts). */
  readonly mainCounter: CounterNote = createCounterNote();
  /** Shared by the call's workers: each takes the next number when its function settles (isolate/worker-runtime.ts). */
  private readonly endOrder = new Int32Array(new SharedArrayBuffer(4));
  /** Every spawn() call, refused ones included: the count a thread_budget verdict reports. */
  attempted = 0;
  /** Off while the module's top level runs: workers belong to a call. */
  acceptSpawns = false;
  private closing = false;
  private burst: WorkerRecord[] = [];
  private burstClosed = false;
  private graceTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: {
      limits: Limits;
      time: TimeLimit;
      output: OutputSink;
      loop: EventLoop;
      channels: Channels;
      positions: StudentPositions;
      /** The call's counted limit for isPrime (RuntimeOptions.primesCountedBelow). */
      primesCountedBelow?: number;
    },
  ) {}

  hooks(): PoolHooks {
    return {
      busy: () => {
        const blocked = this.options.loop.blockedWorkers();
        return this.workers.some((w) => ACTIVE.has(w.state) && !blocked.has(w.id));
      },
      join: (id, done) => this.join(id, done),
      nameOf: (id) => this.workers[id - 1]?.name ?? `worker ${id}`,
      stuck: () => this.stuck(),
    };
  }

  /**
   * Every live worker is asleep: in a host wait, or in Atomics.wait without a timeout (at least
   * one of those). The key changes whenever any of them moves — a new wait, a new Atomics.wait
   * entry, a worker starting or ending — so a caller that sees the same key for long enough
   * knows that nobody ran in between.
   */
  private stuck(): Stuck | null {
    const blocked = this.options.loop.blockedWorkers();
    const sleepers: string[] = [];
    const key: string[] = [];
    for (const w of this.workers) {
      if (!ACTIVE.has(w.state)) continue;
      if (w.state !== "running") return null;
      const hostWait = blocked.get(w.id);
      if (hostWait !== undefined) {
        key.push(`${w.id}w${hostWait}`);
        continue;
      }
      if (Atomics.load(w.sleepCell, 0) !== 1) return null;
      sleepers.push(w.name);
      key.push(`${w.id}s${Atomics.load(w.sleepCell, 1)}`);
    }
    return sleepers.length > 0 ? { key: key.join(","), sleepers } : null;
  }

  /**
   * Host side of spawn(): called synchronously from the main isolate. Beyond the budget the
   * spawn is refused without throwing (its join() rejects), so a loop that starts one worker
   * per item runs to the end and the verdict can name how many it tried to start.
   */
  spawn(source: unknown, fnName: unknown, data: unknown): [number, string] {
    if (typeof source !== "string") throw new TypeError("spawn(fn, data): fn must be a function");
    if (!this.acceptSpawns) throw new Error(TOP_LEVEL_SPAWN);
    this.attempted += 1;
    if (this.workers.length >= this.options.limits.maxWorkers) return [0, `worker ${this.attempted} (refused)`];
    const id = this.workers.length + 1;
    const moved = this.options.channels.adopt(data, "main", id);
    const name = `worker ${id}${typeof fnName === "string" && /^[\w$]{1,60}$/.test(fnName) ? ` (${fnName})` : ""}`;
    const afterJoins = this.workers.length > 0 && this.workers.every((w) => w.joined && !ACTIVE.has(w.state));
    const shared = findSharedViews(moved);
    const record: WorkerRecord = {
      id,
      name,
      state: "starting",
      joined: false,
      isolate: null,
      busyMs: 0,
      afterJoins,
      settled: Promise.resolve(),
      onEnd: [],
      locks: [],
      locksDropped: 0,
      sleepCell: new Int32Array(new SharedArrayBuffer(8)),
      shared,
      snapshots: prepareSnapshots(shared, this.endOrder),
      primes: createPrimeNote(this.options.primesCountedBelow),
      counter: createCounterNote(),
    };
    retain(moved);
    this.workers.push(record);
    this.burst.push(record);
    clearTimeout(this.graceTimer);
    this.graceTimer = setTimeout(() => this.closeBurst(), BURST_GRACE_MS);
    record.settled = this.run(record, source, moved);
    return [id, name];
  }

  /**
   * The start barrier: workers spawned in one synchronous burst are prepared (isolate, context,
   * compiled function) first and then launched in one host loop, so they start within
   * microseconds of each other and really contend instead of running one after another.
   */
  closeBurst(): void {
    this.burstClosed = true;
    this.launchIfReady();
  }

  private launchIfReady(): void {
    if (!this.burstClosed || this.burst.some((w) => w.state === "starting")) return;
    const ready = this.burst;
    this.burst = [];
    this.burstClosed = false;
    clearTimeout(this.graceTimer);
    for (const w of ready) w.launch?.();
  }

  private join(id: unknown, done: (o: Outcome) => void): string {
    const max = this.options.limits.maxWorkers;
    if (id === 0) {
      done({ ok: false, value: `this worker was never started: the exercise allows at most ${max} workers per call` });
      return "a refused worker";
    }
    const record = typeof id === "number" ? this.workers[id - 1] : undefined;
    if (!record) throw new Error("join(): unknown worker handle");
    record.joined = true;
    if (ACTIVE.has(record.state)) record.onEnd.push(done);
    else done(this.outcomeOf(record));
    return record.name;
  }

  private outcomeOf(record: WorkerRecord): Outcome {
    if (record.state === "done") return { ok: true, value: record.value };
    return { ok: false, value: record.failure?.message ?? `${record.name} was stopped` };
  }

  private async run(record: WorkerRecord, source: string, data: unknown): Promise<void> {
    const { limits, time, output, loop, channels } = this.options;
    const isolate = createIsolate(limits);
    record.isolate = isolate;
    let setupMs: number | null = null;
    try {
      const context = await createContext({ isolate, output, role: { kind: "worker", name: record.name } });
      const host = [
        new ivm.Reference((kind: unknown, subject: unknown, latencyMs: unknown, value: unknown) =>
          loop.workerWait(record.id, kind, subject, latencyMs, value),
        ),
        new ivm.Callback((handle: unknown, value: unknown) =>
          sendRefusal(() => channels.send(record.id, handle, value)),
        ),
        new ivm.Callback((handle: unknown) => channels.close(record.id, handle)),
        new ivm.Callback((spans: unknown, dropped: unknown) => takeLocks(record, spans, dropped)),
      ];
      retain(...host);
      const sleepCell = new ivm.ExternalCopy(record.sleepCell).copyInto({ release: true });
      const primeNote = new ivm.ExternalCopy(record.primes.bytes).copyInto({ release: true });
      const counterNote = new ivm.ExternalCopy(record.counter).copyInto({ release: true });
      const snapshots = new ivm.ExternalCopy(record.snapshots).copyInto({ release: true });
      const makeEntry: ivm.Reference = await context.evalClosure(
        WORKER_RUNTIME_SOURCE,
        [...host, sleepCell, primeNote, counterNote, snapshots],
        { result: { reference: true } },
      );
      let fn: ivm.Reference;
      const file = `worker${record.id}.js`;
      this.options.positions.addWorker(file, source);
      // isolated-vm's timeouts are a wall-clock backstop past the call's safety net (time-limit.ts).
      const evalTimeout = time.isolateTimeoutMs();
      const evalDeadline = performance.now() + evalTimeout;
      try {
        fn = await context.eval(`(${source}\n)`, { reference: true, timeout: evalTimeout, filename: file });
      } catch (error) {
        if (stopOf(isolate) !== null || performance.now() >= evalDeadline) throw error;
        throw new WorkerStartError(
          `${record.name} could not start: spawn() re-evaluates the function's source text in a fresh isolate, so pass a function or arrow expression (not a method, bound or built-in function): ${errorMessage(error)}`,
        );
      }
      const entry: ivm.Reference = await makeEntry.apply(undefined, [fn.derefInto()], { result: { reference: true } });
      const launched = new Promise<void>((resolve) => {
        record.launch = resolve;
      });
      record.state = "ready";
      this.launchIfReady();
      await launched;
      record.state = "running";
      record.startedAt = loop.now();
      record.startedEpoch = Date.now();
      setupMs = cpuMsOf(isolate);
      record.sharedAtStart = snapshotViews(record.shared);
      const timeout = time.isolateTimeoutMs();
      const deadline = performance.now() + timeout;
      let raw: unknown;
      try {
        raw = await entry.apply(undefined, [data], {
          arguments: { copy: true },
          result: { promise: true, copy: true },
          timeout,
        });
      } catch (error) {
        // The student's throws come back tagged; a throw here is the host's stop, isolated-vm's
        // timeout at our deadline, or the value failing to copy — told apart by the host's records.
        if (stopOf(isolate) !== null || this.closing) throw error;
        if (performance.now() >= deadline) throw new WorkerTimeout();
        raw = null;
      }
      const taken = parseEnvelope(raw) ?? COPY_FAILED;
      if (taken.tag !== "value") throw new WorkerOutcome(taken);
      record.value = taken.value;
      retain(record.value);
      record.state = "done";
    } catch (error) {
      record.state = "failed";
      record.failure = this.failureOf(record, error, isolate);
    } finally {
      record.endedAt = loop.now();
      record.busyMs = setupMs === null ? 0 : Math.max(cpuMsOf(isolate) - setupMs, 0);
      record.isolate = null;
      // The worker's own copies, taken on its thread. A worker whose function never settled
      // (stopped at the call's end, out of time or memory) left no end copy and is credited
      // with nothing: a copy the host took now could hold what main wrote after giving up on it.
      record.sharedAtStart = readSnapshot(record.shared, record.snapshots, 0) ?? record.sharedAtStart;
      record.sharedAtEnd = readSnapshot(record.shared, record.snapshots, 1) ?? record.shared.map((v) => v.slice(0, 0));
      // Like a Rust thread's end: the channel ends it held are dropped.
      channels.dropHolder(record.id);
      for (const done of record.onEnd.splice(0)) done(this.outcomeOf(record));
      loop.notify();
      this.launchIfReady();
    }
  }

  private failureOf(record: WorkerRecord, error: unknown, isolate: ivm.Isolate): Verdict {
    if (error instanceof WorkerStartError) return verdict("task_failed", error.message);
    const stop = stopOf(isolate);
    const { limits, positions } = this.options;
    if (stop === "memory" && !(error instanceof WorkerOutcome && error.taken.tag === "unclonable")) {
      return verdict("memory_limit", `${record.name} ran out of memory (limit ${limits.memoryMb} MB per isolate)`);
    }
    if (error instanceof WorkerTimeout) return overtimeVerdict(this.options.time, { subject: record.name });
    if (stop === "host" || this.closing || !(error instanceof WorkerOutcome)) {
      record.state = "stopped";
      return verdict("task_failed", `${record.name} was stopped before it finished`);
    }
    const { taken } = error;
    if (taken.tag === "threw")
      return verdict(
        "task_failed",
        `${record.name} threw ${thrownPhrase(taken.thrown, (stack) => positions.frames(stack))}`,
      );
    if (taken.tag === "unclonable")
      return verdict("task_failed", `${record.name} ${unclonableSentence(taken, "worker")}`);
    return verdict("task_failed", `${record.name} was stopped before it finished`);
  }

  /** Workers still starting or running: the call is over, so they are stopped. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.graceTimer);
    for (const w of this.workers) {
      if (ACTIVE.has(w.state)) disposeQuietly(w.isolate);
      w.launch?.();
    }
    this.options.loop.releaseWorkers();
    await Promise.all(this.workers.map((w) => w.settled));
  }

  /** Ids of the workers that had not finished when the main function returned. */
  snapshotUnfinished(): Set<number> {
    return new Set(this.workers.filter((w) => ACTIVE.has(w.state)).map((w) => w.id));
  }

  /** Each worker's run on the call's clock, for the parallelism verdict (parallelism.ts). */
  runs(): WorkerRun[] {
    return this.workers.flatMap((w): WorkerRun[] => {
      if (w.startedAt === undefined || w.endedAt === undefined) return [];
      const waits = lockTrace(w, w.startedAt, w.endedAt).map((s): [number, number] => [s.start, s.end]);
      const progress = progressOf(w, "work", w.startedAt, w.endedAt);
      const scoreProgress = progressOf(w, "score", w.startedAt, w.endedAt);
      return [
        {
          name: w.name,
          start: w.startedAt,
          end: Math.max(w.endedAt, w.startedAt),
          afterJoins: w.afterJoins,
          busyMs: w.busyMs,
          waits,
          ...(progress ? { progress } : {}),
          ...(scoreProgress ? { scoreProgress } : {}),
        },
      ];
    });
  }

  /**
   * What each worker's shared arrays held when it ended: what the workers wrote, not what the
   * main function wrote there after joining them (a "fix-up" of a count the workers got wrong);
   * what they held when it started (a value already there was not its work); and the numbers
   * it decided with isPrime, and what visit() and score() handed it.
   */
  memory(): WorkerMemory[] {
    return this.workers.map((w) => ({
      worker: w.name,
      ran: w.sharedAtStart !== undefined,
      views: (w.sharedAtEnd ?? w.shared).map(describeView),
      live: w.shared,
      atStart: w.sharedAtStart ?? w.shared.map((v) => v.slice(0, 0)),
      primes: w.primes.bytes,
      counter: w.counter,
      endOrder: endOrderOf(w.snapshots),
    }));
  }

  trace(): Span[] {
    return this.workers.flatMap((w): Span[] => {
      if (w.startedAt === undefined || w.endedAt === undefined) return [];
      return [
        { task: w.name, thread: w.name, kind: "run", start: w.startedAt, end: w.endedAt },
        ...lockTrace(w, w.startedAt, w.endedAt),
      ];
    });
  }
}

/** The worker's own note of its Atomics.wait sleeps: untrusted, so checked and bounded. */
function takeLocks(record: WorkerRecord, spans: unknown, dropped: unknown): void {
  if (!Array.isArray(spans) || record.locks.length > 0) return;
  for (const s of spans.slice(0, MAX_LOCK_SPANS)) {
    if (!Array.isArray(s) || s.length !== 3 || !s.every((n) => typeof n === "number" && Number.isFinite(n))) return;
    const [start, end, waits] = s as LockSpan;
    if (end >= start && waits >= 1) record.locks.push([start, end, Math.floor(waits)]);
  }
  if (typeof dropped === "number" && Number.isFinite(dropped) && dropped > 0) record.locksDropped = Math.floor(dropped);
}

/**
 * Lock spans on the trace's clock. Worker times are wall-clock ms from its start; while workers
 * run, the call's clock moves with the wall (virtual time only jumps when every thread waits),
 * so an offset places them. They are clipped to the worker's run.
 */
function lockTrace(w: WorkerRecord, startedAt: number, endedAt: number): Span[] {
  const epoch = w.startedEpoch;
  if (epoch === undefined) return [];
  const place = (t: number) => Math.min(Math.max(startedAt + (t - epoch), startedAt), endedAt);
  const spans = w.locks.map(([start, end, waits]): Span => ({
    task: `${w.name} › Atomics.wait${waits > 1 ? ` ×${waits}` : ""}`,
    thread: w.name,
    kind: "lock",
    start: place(start),
    end: place(end),
  }));
  const last = spans[spans.length - 1];
  if (last && w.locksDropped > 0) last.task += ` (+${w.locksDropped} later waits not drawn)`;
  return spans;
}

/**
 * The worker's progress in the grader's own work (its work log, counter-work.ts) on the call's
 * clock: [ms, work done by then]. Undefined when it did no such work (the exercise counts none,
 * or the worker is a decoy that the tests leave out anyway).
 */
function progressOf(
  w: WorkerRecord,
  kind: "work" | "score",
  startedAt: number,
  endedAt: number,
): [number, number][] | undefined {
  const log = workLogOf(w.counter, kind);
  const epoch = w.startedEpoch;
  if (log === null || epoch === undefined) return undefined;
  const place = (t: number) => Math.min(Math.max(startedAt + (t - epoch), startedAt), endedAt);
  return log.map(([t, work]): [number, number] => [place(t), work]);
}

class WorkerStartError extends Error {}
/** isolated-vm's timeout ended the worker at the deadline the host gave it. */
class WorkerTimeout extends Error {}
/** The worker's function threw, or returned what cannot leave its isolate (tagged by the harness). */
class WorkerOutcome extends Error {
  constructor(readonly taken: Taken) {
    super(taken.tag);
  }
}

// The workers of one call: each spawn() gets a NEW isolate, which isolated-vm runs on its own
// pool thread, so workers really run at the same time. All bookkeeping that verdicts use
// (counts, failures, joins, CPU time) lives here, on the host, out of the student's reach.
import type ivm from "isolated-vm";
import type { Span } from "../../contract.ts";
import type { Limits } from "../../../exercises/schema.ts";
import { cpuMsOf, createContext, createIsolate, disposeQuietly, retain } from "./isolate-setup.ts";
import { WORKER_ENTRY_SOURCE } from "./isolate-sources.ts";
import type { OutputSink } from "./output-sink.ts";
import type { CallRuntime } from "./runtime.ts";
import { describeThrown, errorMessage, isolateStop, verdict, type Verdict } from "./verdicts.ts";

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
  /** Busy time of the student's function only: isolate setup is measured and left out. */
  cpuMs: number;
  startedAt?: number;
  endedAt?: number;
  settled: Promise<void>;
  /** Starts the prepared worker; set once its isolate is ready. */
  launch?: () => void;
};

export const TOP_LEVEL_SPAWN = "spawn() can only be called from inside your exported functions, not while the module loads";

/** If the student's code never yields after spawning (e.g. it blocks on Atomics.wait), start anyway. */
const BURST_GRACE_MS = 30;

export class WorkerPool {
  readonly workers: WorkerRecord[] = [];
  attempted = 0;
  /** Off while the module's top level runs: workers belong to a call. */
  acceptSpawns = false;
  private closing = false;
  private burst: WorkerRecord[] = [];
  private burstClosed = false;
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly waits: Span[] = [];

  constructor(
    private readonly options: { limits: Limits; output: OutputSink; runtime: CallRuntime; since: () => number },
  ) {}

  /** Host side of spawn(): called synchronously from the main isolate. */
  spawn(source: unknown, fnName: unknown, data: unknown): [number, string] {
    if (typeof source !== "string") throw new TypeError("spawn(fn, data): fn must be a function");
    if (!this.acceptSpawns) throw new Error(TOP_LEVEL_SPAWN);
    this.attempted += 1;
    const max = this.options.limits.maxWorkers;
    if (this.workers.length >= max) {
      throw new Error(`spawn(): this exercise allows at most ${max} workers per call (worker ${this.attempted} refused)`);
    }
    const id = this.workers.length + 1;
    const name = `worker ${id}${typeof fnName === "string" && /^[\w$]{1,60}$/.test(fnName) ? ` (${fnName})` : ""}`;
    const record: WorkerRecord = { id, name, state: "starting", joined: false, isolate: null, cpuMs: 0, settled: Promise.resolve() };
    retain(data);
    this.workers.push(record);
    this.burst.push(record);
    clearTimeout(this.graceTimer);
    this.graceTimer = setTimeout(() => this.closeBurst(), BURST_GRACE_MS);
    record.settled = this.run(record, source, data);
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

  async join(id: unknown): Promise<unknown> {
    const record = typeof id === "number" ? this.workers[id - 1] : undefined;
    if (!record) throw new Error("join(): unknown worker handle");
    record.joined = true;
    const start = this.options.since();
    await record.settled;
    this.waits.push({ task: "main", thread: "main", kind: "wait", start, end: this.options.since() });
    if (record.state === "done") return record.value;
    throw new Error(record.failure?.message ?? `${record.name} was stopped`);
  }

  private async run(record: WorkerRecord, source: string, data: unknown): Promise<void> {
    const { limits, output, runtime, since } = this.options;
    const isolate = createIsolate(limits);
    record.isolate = isolate;
    let setupMs: number | null = null;
    try {
      const context = await createContext({ isolate, output, runtime, role: { kind: "worker", name: record.name } });
      let fn: ivm.Reference;
      try {
        fn = await context.eval(`(${source}\n)`, { reference: true, timeout: limits.wallMs, filename: `${record.name}.js` });
      } catch (error) {
        if (isolateStop(error) !== null) throw error;
        throw new WorkerStartError(
          `${record.name} could not start: spawn() re-evaluates the function's source text in a fresh isolate, so pass a function or arrow expression (not a method, bound or built-in function): ${errorMessage(error)}`,
        );
      }
      const entry: ivm.Reference = await context.evalClosure(WORKER_ENTRY_SOURCE, [fn.derefInto()], { result: { reference: true } });
      const launched = new Promise<void>((resolve) => {
        record.launch = resolve;
      });
      record.state = "ready";
      this.launchIfReady();
      await launched;
      record.state = "running";
      record.startedAt = since();
      setupMs = cpuMsOf(isolate);
      record.value = await entry.apply(undefined, [data], {
        arguments: { copy: true },
        result: { promise: true, copy: true },
        timeout: limits.wallMs,
      });
      retain(record.value);
      record.state = "done";
    } catch (error) {
      record.state = "failed";
      record.failure = this.failureOf(record, error);
    } finally {
      record.endedAt = since();
      record.cpuMs = setupMs === null ? 0 : Math.max(cpuMsOf(isolate) - setupMs, 0);
      record.isolate = null;
      this.launchIfReady();
    }
  }

  private failureOf(record: WorkerRecord, error: unknown): Verdict {
    if (error instanceof WorkerStartError) return verdict("task_failed", error.message);
    const stop = isolateStop(error);
    if (stop === "memory_limit") {
      return verdict("memory_limit", `${record.name} ran out of memory (limit ${this.options.limits.memoryMb} MB per isolate)`);
    }
    if (stop === "timeout") return verdict("timeout", `${record.name} was still running after ${this.options.limits.wallMs} ms`);
    if (stop === "disposed" || this.closing) {
      record.state = "stopped";
      return verdict("task_failed", `${record.name} was stopped before it finished`);
    }
    return verdict("task_failed", `${record.name} threw ${describeThrown(error)}`);
  }

  /** CPU time so far of every worker, finished or running. */
  cpuMs(): number {
    return this.workers.reduce((sum, w) => sum + (w.isolate ? cpuMsOf(w.isolate) : w.cpuMs), 0);
  }

  /** Workers still starting or running: the call is over, so they are stopped. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.graceTimer);
    for (const w of this.workers) {
      if (w.state === "starting" || w.state === "ready" || w.state === "running") disposeQuietly(w.isolate);
      w.launch?.();
    }
    await Promise.all(this.workers.map((w) => w.settled));
  }

  /** Ids of the workers that had not finished when the main function returned. */
  snapshotUnfinished(): Set<number> {
    return new Set(this.workers.filter((w) => !["done", "failed", "stopped"].includes(w.state)).map((w) => w.id));
  }

  trace(): Span[] {
    const spans = this.workers
      .filter((w) => w.startedAt !== undefined && w.endedAt !== undefined)
      .map((w): Span => ({ task: w.name, thread: w.name, kind: "run", start: w.startedAt ?? 0, end: w.endedAt ?? 0 }));
    return [...spans, ...this.waits];
  }
}

class WorkerStartError extends Error {}

// Runs inside each WORKER isolate. A worker is a thread: waiting inside it (sleep, io,
// fetchData, rx.recv()) BLOCKS that thread until the host wakes it, like std::thread::sleep or
// a blocking client in Rust. The host sees every such wait, which is how the virtual clock
// knows that a worker is idle.
import { walkEndpoints } from "./endpoint-walk.ts";
import { createIsPrime } from "./is-prime.ts";
import { attempt, checkOutgoing, describeThrownIn, ownData } from "./outgoing-values.ts";
import type { TaggedOutcome } from "./harness-module.ts";
import {
  ENDPOINT_KEY,
  REVOKED_GLOBAL,
  SCORE_CLOCK_OFFSET_BYTES,
  WORK_CLOCK_CELLS,
  WORK_CLOCK_OFFSET_BYTES,
} from "./shared-constants.ts";
import { createVisitScore } from "./visit-score.ts";
import { createWorkTick } from "./work-clock.ts";
import { traceAtomics, type LockTrace } from "./worker-atomics.ts";

/** The host's wait, an ivm.Reference: applySyncPromise blocks this thread until it answers [ok, value]. */
export type WaitReference = {
  applySyncPromise(
    receiver: undefined,
    args: unknown[],
    options: { arguments: { copy: true } },
  ): [ok: boolean, value: unknown];
};

/**
 * Called once per worker, before the student's function is evaluated, with the host's
 * Callbacks and its shared memory: `sleepCell` (an Int32Array: [state, entries] of Atomics.wait
 * sleeps, see worker-atomics.ts), `primeNote` (is-prime.ts) and `counterNote`
 * (visit-score.ts), and `snapshots` (the host's OnThreadSnapshots, shared-memory.ts). Defines
 * the worker's globals and returns makeEntry(fn), which wraps the student's function: copies the
 * shared memory as the worker finds it, revives channel ends in `data`, runs fn(data), copies the
 * shared memory as the worker leaves it (on this thread, the moment fn settles), and rewrites the
 * ReferenceError that a closure over outer variables produces into an explanation.
 */
export function installWorkerRuntime(
  waitRef: WaitReference,
  sendCb: (handle: number, value: unknown) => string | null,
  closeCb: (handle: number) => void,
  lockCb: LockTrace,
  sleepCell: Int32Array,
  primeNote: Uint8Array,
  counterNote: Int32Array,
  snapshots: Snapshots,
): (fn: (data: unknown) => unknown) => (data: unknown) => Promise<TaggedOutcome> {
  const global = globalThis as unknown as Record<string, unknown>;
  const isRevokedThen = global[REVOKED_GLOBAL] as (e: unknown) => boolean;
  delete global[REVOKED_GLOBAL];
  const P = Promise,
    apply = Reflect.apply,
    ErrorC = Error,
    TypeErrorC = TypeError,
    ReferenceErrorC = ReferenceError;
  const presolve = P.resolve,
    preject = P.reject,
    asyncIterator: typeof Symbol.asyncIterator = Symbol.asyncIterator;
  const resolveP = (v: unknown): Promise<unknown> => apply(presolve, P, [v]),
    rejectP = (e: unknown): Promise<never> => apply(preject, P, [e]);

  function block(kind: string, subject?: unknown, latencyMs?: unknown, value?: unknown): Promise<unknown> {
    let r;
    try {
      r = waitRef.applySyncPromise(undefined, [kind, subject, latencyMs, value], { arguments: { copy: true } });
    } catch (e) {
      return rejectP(e);
    }
    return r[0] ? resolveP(r[1]) : rejectP(new ErrorC(r[1] as string));
  }

  class Sender {
    #h;
    constructor(h: number) {
      this.#h = h;
    }
    send(value: unknown) {
      if (value === undefined)
        throw new TypeErrorC(
          "send(undefined): undefined is what recv() returns once a channel is closed; send null or a value instead",
        );
      let refused;
      try {
        refused = sendCb(this.#h, value);
      } catch (e) {
        // The host reports its own refusals as a result: a throw here is the copy of value failing.
        throw new TypeErrorC(
          "send(value): the value cannot be copied to another isolate; send plain data (numbers, strings, arrays, objects, SharedArrayBuffers)",
        );
      }
      if (typeof refused === "string") throw new ErrorC(refused);
    }
    close() {
      closeCb(this.#h);
    }
  }
  class Receiver {
    #h;
    constructor(h: number) {
      this.#h = h;
    }
    recv() {
      return block("recv", this.#h);
    }
    close() {
      closeCb(this.#h);
    }
    [asyncIterator]() {
      const rx = this;
      return {
        next() {
          return rx
            .recv()
            .then((v) => (v === undefined ? { done: true, value: undefined } : { done: false, value: v }));
        },
        [asyncIterator]() {
          return this;
        },
      };
    }
  }
  function fromMarker(v: object): unknown {
    const marker = v as { [ENDPOINT_KEY]?: unknown; handle?: unknown };
    const kind = marker[ENDPOINT_KEY];
    if (kind === "tx" && typeof marker.handle === "number") return new Sender(marker.handle);
    if (kind === "rx" && typeof marker.handle === "number") return new Receiver(marker.handle);
    return v;
  }

  const snapshot = snapshotter(snapshots);
  const flushLocks = traceAtomics(sleepCell, lockCb);

  const define = (name: string, value: unknown) =>
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  define("sleep", (ms: unknown) => block("sleep", ms));
  define("io", (label: unknown, latencyMs: unknown, value: unknown) => block("io", label, latencyMs, value));
  define("fetchData", (url: unknown) => block("fetch", url));
  define("yieldNow", () => resolveP(undefined));
  define("task", (name: unknown, fn: () => unknown) => {
    try {
      return resolveP(fn());
    } catch (e) {
      return rejectP(e);
    }
  });
  // One work clock per worker, in its counter note's buffer (work-clock.ts): a visit() is a few
  // ns, so the time is read every 64th; an isPrime() is a trial division, every 4th.
  const clock = new Float64Array(counterNote.buffer, WORK_CLOCK_OFFSET_BYTES, WORK_CLOCK_CELLS);
  const scoreClock = new Float64Array(counterNote.buffer, SCORE_CLOCK_OFFSET_BYTES, WORK_CLOCK_CELLS);
  define("isPrime", createIsPrime(primeNote, createWorkTick(clock, 4)));
  const counterWork = createVisitScore(counterNote, createWorkTick(clock, 64), createWorkTick(scoreClock, 4));
  const visit = counterWork.visit,
    score = counterWork.score;
  define("visit", visit);
  define("score", score);

  const NOT_IN_WORKERS: Record<string, string | undefined> = {
    spawn: "workers cannot start workers: spawn them all from your exported function",
    channel: "create channels in your exported function and pass their ends to workers through spawn's data",
  };

  /**
   * The worker's outcome for the host, tagged by this (harness) code like the main harness's
   * takeResult: 1 = the value, 0 = what fn threw (described here), 2 = why the value cannot
   * leave. A null prototype, so the promise resolving with it never looks up a "then".
   */
  return function makeEntry(fn) {
    return async function entry(data): Promise<TaggedOutcome> {
      let value;
      snapshot(0);
      try {
        value = await fn(walkEndpoints(data, 0, fromMarker));
      } catch (e) {
        const m = attempt(
          () =>
            e instanceof ReferenceErrorC
              ? /^(\S+) is not defined$/.exec((ownData(e, "message") as string | undefined) ?? "")
              : null,
          null,
        );
        if (m && NOT_IN_WORKERS[m[1] as string])
          return {
            __proto__: null,
            tag: 0,
            value: describeThrownIn(
              new ReferenceErrorC(m[1] + " is not available inside a worker: " + NOT_IN_WORKERS[m[1] as string]),
            ),
          };
        if (m) {
          return {
            __proto__: null,
            tag: 0,
            value: describeThrownIn(
              new ReferenceErrorC(
                m[1] +
                  " is not defined inside the worker. A function given to spawn() runs in its own " +
                  "isolate, like a Web Worker: it cannot see variables, functions or imports from the code around it " +
                  "(only sleep, io, fetchData, yieldNow, task, isPrime, visit and score exist there under those names). " +
                  "Pass what it needs through spawn's data argument (SharedArrayBuffers stay shared).",
              ),
            ),
          };
        }
        if (isRevokedThen(e)) return { __proto__: null, tag: 2, value: ["a revoked Proxy", ""] };
        return { __proto__: null, tag: 0, value: describeThrownIn(e) };
      } finally {
        snapshot(1);
        flushLocks();
      }
      const why = checkOutgoing(value);
      return why === null ? { __proto__: null, tag: 1, value } : { __proto__: null, tag: 2, value: why };
    };
  };
}

/** The host's OnThreadSnapshots (shared-memory.ts), as copied into this isolate. */
type Snapshots = { sources: Uint8Array[]; target: Uint8Array; flags: Int32Array; order: Int32Array };

/**
 * copy(which): the shared memory into the host's target, start copies (0) or end copies (1), then
 * flags[which] = 1. At the end it first takes the worker's place in the call's end order
 * (flags[2], from a counter all workers of the call share), so every worker that ended earlier
 * had ended before this copy was taken. Everything it uses is taken now, before the student's
 * code runs: the target's slices are made here, and %TypedArray%.prototype.set with a
 * typed-array source reads no property a student could replace (no species, no getters). A
 * worker's end copy is taken on its own thread, so no other worker's later writes can be in it.
 */
function snapshotter(snapshots: Snapshots): (which: 0 | 1) => void {
  const apply = Reflect.apply,
    set = Uint8Array.prototype.set,
    add = Atomics.add,
    AtomicsO = Atomics;
  const { sources, target, flags, order } = snapshots;
  const half = target.byteLength / 2;
  const slices: [Uint8Array[], Uint8Array[]] = [[], []];
  for (const which of [0, 1] as const) {
    let offset = target.byteOffset + which * half;
    for (const source of sources) {
      slices[which].push(new Uint8Array(target.buffer, offset, source.byteLength));
      offset += source.byteLength;
    }
  }
  const count = sources.length;
  return (which) => {
    if (which === 1) flags[2] = (apply(add, AtomicsO, [order, 0, 1]) as number) + 1;
    const into = slices[which];
    for (let i = 0; i < count; i++) apply(set, into[i], [sources[i]]);
    flags[which] = 1;
  };
}

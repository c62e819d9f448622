// Runs inside each WORKER isolate, before the student's function is evaluated: Atomics
// replaced by traced versions (installed by worker-runtime.ts).
//
// Atomics.wait is wrapped to note when it really slept (not "not-equal"): the times a worker
// spent waiting for a lock it built from Atomics. Nearby waits (gap ≤ 1 ms) merge into one
// span with a count, and the spans reach the host once, when the worker's function ends —
// never while it may hold its lock. They draw the timeline and feed the parallelism check
// (../parallelism.ts: a worker's active time is its run minus these waits). Spinning on
// compareExchange/exchange counts as waiting too; spinning on plain loads is not seen.
//
// The sleep cell tells the host, without a call, that this thread sleeps in Atomics.wait:
// state 1 without a timeout, 2 with one, 0 otherwise; entries counts the waits begun. The host
// reads it to call a deadlock when every thread sleeps (../event-loop.ts). Replacing
// Atomics.wait can only hide a sleep from it, which leaves a hang to the time limits, as before.
import { MAX_LOCK_SPANS } from "./shared-constants.ts";

/**
 * Every PERTURB_EVERY-th atomic read (Atomics.load, or an update that changes nothing) a worker
 * pauses for PERTURB_MS, at most PERTURB_MAX times: the bound keeps the cost of a pause (a
 * wake-up, which takes longer on a crowded machine) small even for spin loops that load
 * millions of times.
 */
const PERTURB_EVERY = 32;
const PERTURB_MS = 0.05;
const PERTURB_MAX = 64;

type LockSpan = [start: number, end: number, waits: number];
/** The host's lock-trace Callback: the spans, and how many did not fit. */
export type LockTrace = (spans: LockSpan[], dropped: number) => void;
type AtomicOp = (typedArray: unknown, index: unknown, ...rest: unknown[]) => unknown;

/** Installs the traced Atomics; returns flushLocks, which hands the host the lock spans once. */
export function traceAtomics(sleepCell: Int32Array, lockCb: LockTrace): () => void {
  const apply = Reflect.apply;
  const atomics = Atomics as unknown as Record<string, AtomicOp>;
  const atomicsWait = Atomics.wait,
    atomicsStore = Atomics.store,
    atomicsAdd = Atomics.add,
    AtomicsO = Atomics,
    dateNow = Date.now,
    DateC = Date;
  const lockSpans: LockSpan[] = [];
  let lockDropped = 0;
  const traced = {
    wait(typedArray: unknown, index: unknown, value: unknown, timeout: unknown) {
      // Only a missing, NaN or infinite number is "no timeout": anything else (which the real
      // call would convert, running student code) counts as timed, the side that claims nothing.
      const untimed = timeout === undefined || (typeof timeout === "number" && !(timeout < Infinity));
      apply(atomicsAdd, AtomicsO, [sleepCell, 1, 1]);
      apply(atomicsStore, AtomicsO, [sleepCell, 0, untimed ? 1 : 2]);
      const start: number = apply(dateNow, DateC, []);
      let r;
      try {
        r = apply(atomicsWait, AtomicsO, arguments);
      } finally {
        apply(atomicsStore, AtomicsO, [sleepCell, 0, 0]);
      }
      if (r !== "not-equal") noteWait(start, apply(dateNow, DateC, []));
      return r;
    },
  }.wait;
  function noteWait(start: number, end: number): void {
    const last = lockSpans[lockSpans.length - 1];
    if (last !== undefined && start - last[1] <= 1) {
      last[1] = end;
      last[2] += 1;
    } else if (lockSpans.length < MAX_LOCK_SPANS) {
      lockSpans[lockSpans.length] = [start, end, 1];
    } else {
      lockDropped += 1;
    }
  }
  Object.defineProperty(Atomics, "wait", { value: traced, writable: true, configurable: true, enumerable: false });

  // Every PERTURB_EVERYth Atomics.load (PERTURB_MAX times at most) gives up the core for a moment before it returns. A correct
  // design (a compare-and-swap lock, Peterson's, a flag read) stays correct with any delay between
  // two steps, but a lock built as "load, see 0, then store 1" lets another thread through in that
  // gap: the delay makes that race show on every grade, on 1 CPU or on many, instead of now and then.
  // A read is a read however it is spelled: an update that changes nothing (or/xor/add/sub with 0,
  // and with -1, a compareExchange that would write back what it expects) hands back the value
  // like a load, so it is paused the same way. Real updates (add 1, a lock's compareExchange) are
  // one indivisible step and need no pause.
  const atomicsLoad = Atomics.load,
    pauseCell = new Int32Array(new SharedArrayBuffer(4));
  let loads = 0,
    pauses = 0;
  function afterRead(): void {
    if (pauses < PERTURB_MAX && ++loads % PERTURB_EVERY === 0) {
      pauses += 1;
      atomicsWait(pauseCell, 0, 0, PERTURB_MS);
    }
  }
  const isZero = (v: unknown) => v === 0 || v === 0n;
  const isAllOnes = (v: unknown) =>
    v === -1 ||
    v === -1n ||
    (typeof v === "number" && v !== 0 && (v | 0) === -1) ||
    v === 0xff ||
    v === 0xffff ||
    v === 0xffffffff;
  const perturbed: Record<string, AtomicOp> = {
    // Atomics functions ignore `this`: a direct call of the saved function is as safe as apply and
    // keeps the hot path cheap (a load is often the inner loop of a compare-and-swap).
    load(typedArray, index) {
      const r = (atomicsLoad as AtomicOp)(typedArray, index);
      afterRead();
      return r;
    },
  };
  const identities: [string, (v: unknown) => boolean][] = [
    ["or", isZero],
    ["xor", isZero],
    ["add", isZero],
    ["sub", isZero],
    ["and", isAllOnes],
  ];
  for (const [name, identity] of identities) {
    const original = atomics[name] as AtomicOp;
    perturbed[name] = {
      [name](typedArray: unknown, index: unknown, value: unknown) {
        const r = original(typedArray, index, value);
        if (identity(value)) afterRead();
        return r;
      },
    }[name] as AtomicOp;
  }
  for (const name of Object.keys(perturbed)) {
    Object.defineProperty(Atomics, name, {
      value: perturbed[name],
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }

  // A spin lock waits without Atomics.wait: compareExchange failing again and again (or exchange
  // handing back the value it wrote, a test-and-set still taken). A run of failures that lasts a
  // millisecond or more is a wait like Atomics.wait, on the timeline and in the parallelism check:
  // a worker spinning for its turn does not work in parallel with the one holding the lock.
  const atomicsCas = atomics.compareExchange as AtomicOp,
    atomicsExchange = atomics.exchange as AtomicOp;
  let spinStart = 0;
  function spun(failed: boolean): void {
    if (failed) {
      if (spinStart === 0) spinStart = dateNow();
    } else if (spinStart !== 0) {
      const end = dateNow();
      if (end - spinStart >= 1) noteWait(spinStart, end);
      spinStart = 0;
    }
  }
  const spinning = {
    compareExchange(typedArray: unknown, index: unknown, expected: unknown, replacement: unknown) {
      const r = atomicsCas(typedArray, index, expected, replacement);
      spun(r !== expected);
      // Writing back what it expects changes nothing: a read (see afterRead).
      if (expected === replacement) afterRead();
      return r;
    },
    exchange(typedArray: unknown, index: unknown, value: unknown) {
      const r = atomicsExchange(typedArray, index, value);
      spun(r === value);
      return r;
    },
  };
  Object.defineProperty(Atomics, "compareExchange", {
    value: spinning.compareExchange,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  Object.defineProperty(Atomics, "exchange", {
    value: spinning.exchange,
    writable: true,
    configurable: true,
    enumerable: false,
  });

  return function flushLocks(): void {
    if (lockSpans.length === 0) return;
    try {
      lockCb(lockSpans, lockDropped);
    } catch {}
  };
}

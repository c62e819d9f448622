// JavaScript that runs inside each WORKER isolate. A worker is a thread: waiting inside it
// (sleep, io, fetchData, rx.recv()) BLOCKS that thread until the host wakes it, like
// std::thread::sleep or a blocking client in Rust. The host sees every such wait, which is how
// the virtual clock knows that a worker is idle.
import { ENDPOINT_KEY, ENDPOINT_WALK_SOURCE } from "./prelude-source.ts";
import { VALUES_SOURCE } from "./values-source.ts";
import { counterWorkSource } from "./counter-work.ts";
import { isPrimeSource } from "./prime-work.ts";

/**
 * Every PERTURB_EVERY-th atomic read (Atomics.load, or an update that changes nothing) a worker
 * pauses for PERTURB_MS, at most PERTURB_MAX times
 * (see the prelude): the bound keeps the cost of a pause (a wake-up, which takes longer on a
 * crowded machine) small even for spin loops that load millions of times.
 */
const PERTURB_EVERY = 32;
const PERTURB_MS = 0.05;
const PERTURB_MAX = 64;

/** At most this many lock spans per worker: a contended lock waits thousands of times. */
export const MAX_LOCK_SPANS = 200;

/**
 * evalClosure source: $0 = host wait Reference (applySyncPromise -> [ok, value]), $1 = send
 * Callback, $2 = close Callback, $3 = lock-trace Callback, $4 = the host's sleep cell (an
 * Int32Array on host-owned shared memory: [state, entries]), $5 = the worker's prime note (a
 * Uint8Array on host-owned shared memory, prime-work.ts), $6 = its counter note (visit() and
 * score(), counter-work.ts). Defines the worker's globals and
 * returns makeEntry(fn), which wraps the student's function: revives channel ends in `data`,
 * runs fn(data), and rewrites the ReferenceError that a closure over outer variables produces
 * into an explanation.
 *
 * Atomics.wait is wrapped to note when it really slept (not "not-equal"): the times a worker
 * spent waiting for a lock it built from Atomics. Nearby waits (gap ≤ 1 ms) merge into one
 * span with a count, and the spans reach the host once, when the worker's function ends —
 * never while it may hold its lock. They draw the timeline and feed the parallelism check
 * (parallelism.ts: a worker's active time is its run minus these waits). Spinning on
 * compareExchange/exchange counts as waiting too; spinning on plain loads is not seen.
 *
 * The sleep cell tells the host, without a call, that this thread sleeps in Atomics.wait:
 * state 1 without a timeout, 2 with one, 0 otherwise; entries counts the waits begun. The host
 * reads it to call a deadlock when every thread sleeps (event-loop.ts). Replacing Atomics.wait
 * can only hide a sleep from it, which leaves a hang to the time limits, as before.
 */
export const WORKER_RUNTIME_SOURCE = String.raw`
const waitRef = $0, sendCb = $1, closeCb = $2, lockCb = $3, sleepCell = $4, primeNote = $5, counterNote = $6;
const isRevokedThen = globalThis.__interleave_revoked;
delete globalThis.__interleave_revoked;
const P = Promise, apply = Reflect.apply, ErrorC = Error, TypeErrorC = TypeError, ReferenceErrorC = ReferenceError;
const presolve = P.resolve, preject = P.reject, asyncIterator = Symbol.asyncIterator;
const resolveP = (v) => apply(presolve, P, [v]), rejectP = (e) => apply(preject, P, [e]);
${ENDPOINT_WALK_SOURCE}
${VALUES_SOURCE}

function block(kind, a, b, c) {
  let r;
  try {
    r = waitRef.applySyncPromise(undefined, [kind, a, b, c], { arguments: { copy: true } });
  } catch (e) {
    return rejectP(e);
  }
  return r[0] ? resolveP(r[1]) : rejectP(new ErrorC(r[1]));
}

class Sender {
  #h;
  constructor(h) { this.#h = h; }
  send(value) {
    if (value === undefined) throw new TypeErrorC("send(undefined): undefined is what recv() returns once a channel is closed; send null or a value instead");
    let refused;
    try {
      refused = sendCb(this.#h, value);
    } catch (e) {
      // The host reports its own refusals as a result: a throw here is the copy of value failing.
      throw new TypeErrorC("send(value): the value cannot be copied to another isolate; send plain data (numbers, strings, arrays, objects, SharedArrayBuffers)");
    }
    if (typeof refused === "string") throw new ErrorC(refused);
  }
  close() { closeCb(this.#h); }
}
class Receiver {
  #h;
  constructor(h) { this.#h = h; }
  recv() { return block("recv", this.#h); }
  close() { closeCb(this.#h); }
  [asyncIterator]() {
    const rx = this;
    return {
      next() { return rx.recv().then((v) => (v === undefined ? { done: true, value: undefined } : { done: false, value: v })); },
      [asyncIterator]() { return this; },
    };
  }
}
function fromMarker(v) {
  const kind = v["${ENDPOINT_KEY}"];
  if (kind === "tx" && typeof v.handle === "number") return new Sender(v.handle);
  if (kind === "rx" && typeof v.handle === "number") return new Receiver(v.handle);
  return v;
}

const atomicsWait = Atomics.wait, atomicsStore = Atomics.store, atomicsAdd = Atomics.add, AtomicsO = Atomics, dateNow = Date.now, DateC = Date;
const lockSpans = [];
let lockDropped = 0;
const traced = {
  wait(typedArray, index, value, timeout) {
    // Only a missing, NaN or infinite number is "no timeout": anything else (which the real
    // call would convert, running student code) counts as timed, the side that claims nothing.
    const untimed = timeout === undefined || (typeof timeout === "number" && !(timeout < Infinity));
    apply(atomicsAdd, AtomicsO, [sleepCell, 1, 1]);
    apply(atomicsStore, AtomicsO, [sleepCell, 0, untimed ? 1 : 2]);
    const start = apply(dateNow, DateC, []);
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
function noteWait(start, end) {
  const last = lockSpans[lockSpans.length - 1];
  if (last !== undefined && start - last[1] <= 1) {
    last[1] = end;
    last[2] += 1;
  } else if (lockSpans.length < ${MAX_LOCK_SPANS}) {
    lockSpans[lockSpans.length] = [start, end, 1];
  } else {
    lockDropped += 1;
  }
}
Object.defineProperty(Atomics, "wait", { value: traced, writable: true, configurable: true, enumerable: false });

// Every ${PERTURB_EVERY}th Atomics.load (${PERTURB_MAX} times at most) gives up the core for a moment before it returns. A correct
// design (a compare-and-swap lock, Peterson's, a flag read) stays correct with any delay between
// two steps, but a lock built as "load, see 0, then store 1" lets another thread through in that
// gap: the delay makes that race show on every grade, on 1 CPU or on many, instead of now and then.
// A read is a read however it is spelled: an update that changes nothing (or/xor/add/sub with 0,
// and with -1, a compareExchange that would write back what it expects) hands back the value
// like a load, so it is paused the same way. Real updates (add 1, a lock's compareExchange) are
// one indivisible step and need no pause.
const atomicsLoad = Atomics.load, pauseCell = new Int32Array(new SharedArrayBuffer(4));
let loads = 0, pauses = 0;
function afterRead() {
  if (pauses < ${PERTURB_MAX} && ++loads % ${PERTURB_EVERY} === 0) {
    pauses += 1;
    atomicsWait(pauseCell, 0, 0, ${PERTURB_MS});
  }
}
const isZero = (v) => v === 0 || v === 0n;
const isAllOnes = (v) => v === -1 || v === -1n || (typeof v === "number" && v !== 0 && (v | 0) === -1) || v === 0xff || v === 0xffff || v === 0xffffffff;
const perturbed = {
  // Atomics functions ignore \`this\`: a direct call of the saved function is as safe as apply and
  // keeps the hot path cheap (a load is often the inner loop of a compare-and-swap).
  load(typedArray, index) {
    const r = atomicsLoad(typedArray, index);
    afterRead();
    return r;
  },
};
for (const [name, identity] of [["or", isZero], ["xor", isZero], ["add", isZero], ["sub", isZero], ["and", isAllOnes]]) {
  const original = Atomics[name];
  perturbed[name] = {
    [name](typedArray, index, value) {
      const r = original(typedArray, index, value);
      if (identity(value)) afterRead();
      return r;
    },
  }[name];
}
for (const name of Object.keys(perturbed)) {
  Object.defineProperty(Atomics, name, { value: perturbed[name], writable: true, configurable: true, enumerable: false });
}

// A spin lock waits without Atomics.wait: compareExchange failing again and again (or exchange
// handing back the value it wrote, a test-and-set still taken). A run of failures that lasts a
// millisecond or more is a wait like Atomics.wait, on the timeline and in the parallelism check:
// a worker spinning for its turn does not work in parallel with the one holding the lock.
const atomicsCas = Atomics.compareExchange, atomicsExchange = Atomics.exchange;
let spinStart = 0;
function spun(failed) {
  if (failed) {
    if (spinStart === 0) spinStart = dateNow();
  } else if (spinStart !== 0) {
    const end = dateNow();
    if (end - spinStart >= 1) noteWait(spinStart, end);
    spinStart = 0;
  }
}
const spinning = {
  compareExchange(typedArray, index, expected, replacement) {
    const r = atomicsCas(typedArray, index, expected, replacement);
    spun(r !== expected);
    // Writing back what it expects changes nothing: a read (see afterRead).
    if (expected === replacement) afterRead();
    return r;
  },
  exchange(typedArray, index, value) {
    const r = atomicsExchange(typedArray, index, value);
    spun(r === value);
    return r;
  },
};
Object.defineProperty(Atomics, "compareExchange", { value: spinning.compareExchange, writable: true, configurable: true, enumerable: false });
Object.defineProperty(Atomics, "exchange", { value: spinning.exchange, writable: true, configurable: true, enumerable: false });
function flushLocks() {
  if (lockSpans.length === 0) return;
  try { lockCb(lockSpans, lockDropped); } catch {}
}

const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
define("sleep", (ms) => block("sleep", ms));
define("io", (label, latencyMs, value) => block("io", label, latencyMs, value));
define("fetchData", (url) => block("fetch", url));
define("yieldNow", () => resolveP(undefined));
define("task", (name, fn) => { try { return resolveP(fn()); } catch (e) { return rejectP(e); } });
${isPrimeSource("primeNote")}
define("isPrime", isPrime);
${counterWorkSource("counterNote")}
define("visit", visit);
define("score", score);

const NOT_IN_WORKERS = { spawn: "workers cannot start workers: spawn them all from your exported function", channel: "create channels in your exported function and pass their ends to workers through spawn's data" };

/**
 * The worker's outcome for the host, tagged by this (harness) code like the main harness's
 * takeResult: 1 = the value, 0 = what fn threw (described here), 2 = why the value cannot
 * leave. A null prototype, so the promise resolving with it never looks up a "then".
 */
return function makeEntry(fn) {
  return async function entry(data) {
    let value;
    try {
      value = await fn(walkEndpoints(data, 0, fromMarker));
    } catch (e) {
      const m = V_try(() => (e instanceof ReferenceErrorC ? /^(\S+) is not defined$/.exec(V_own(e, "message") ?? "") : null), null);
      if (m && NOT_IN_WORKERS[m[1]]) return { __proto__: null, tag: 0, value: describeThrownIn(new ReferenceErrorC(m[1] + " is not available inside a worker: " + NOT_IN_WORKERS[m[1]])) };
      if (m) {
        return { __proto__: null, tag: 0, value: describeThrownIn(new ReferenceErrorC(m[1] + " is not defined inside the worker. A function given to spawn() runs in its own " +
          "isolate, like a Web Worker: it cannot see variables, functions or imports from the code around it " +
          "(only sleep, io, fetchData, yieldNow, task, isPrime, visit and score exist there under those names). " +
          "Pass what it needs through spawn's data argument (SharedArrayBuffers stay shared).")) };
      }
      if (isRevokedThen(e)) return { __proto__: null, tag: 2, value: ["a revoked Proxy", ""] };
      return { __proto__: null, tag: 0, value: describeThrownIn(e) };
    } finally {
      flushLocks();
    }
    const why = checkOutgoing(value);
    return why === null ? { __proto__: null, tag: 1, value } : { __proto__: null, tag: 2, value: why };
  };
};
`;

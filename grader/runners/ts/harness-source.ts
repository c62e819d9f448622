// The "interleave" module the student imports in the MAIN isolate. Every wait (sleep, io,
// fetchData, yieldNow, join, recv) is registered with the host, which owns the clock and the
// task queue and resumes exactly one wait per slice (event-loop.ts). Intrinsics are captured
// before student code runs, so tampering with Promise, Map or Function.prototype cannot
// confuse the scheduler; it could only hurt the student's own run, never a verdict.
import { ENDPOINT_KEY, ENDPOINT_WALK_SOURCE } from "./prelude-source.ts";
import { VALUES_SOURCE } from "./values-source.ts";
import { counterWorkSource } from "./counter-work.ts";
import { isPrimeSource } from "./prime-work.ts";

/** evalClosure source: parks the host callbacks where the module below picks them up. */
export const PARK_HOST_SOURCE = `globalThis.__interleave_host = { spawn: $0, go: $1, wait: $2, finish: $3, channel: $4, send: $5, close: $6, counterNote: $7 };`;

/** Global under which the module leaves its entry points for the host (removed right after). */
export const LOOP_GLOBAL = "__interleave_loop";

export const HARNESS_MODULE_SOURCE = String.raw`
const host = globalThis.__interleave_host;
delete globalThis.__interleave_host;
const counterNote = host.counterNote;
const isRevokedThen = globalThis.__interleave_revoked;
delete globalThis.__interleave_revoked;
const P = Promise, apply = Reflect.apply, then = P.prototype.then, ErrorC = Error, TypeErrorC = TypeError;
const presolve = P.resolve, preject = P.reject;
const resolveP = (v) => apply(presolve, P, [v]), rejectP = (e) => apply(preject, P, [e]);
const thenP = (p, ok, bad) => apply(then, p, [ok, bad]);
const toSource = Function.prototype.toString, str = String, asyncIterator = Symbol.asyncIterator;
${ENDPOINT_WALK_SOURCE}
${VALUES_SOURCE}

let current = "main";
const pending = { __proto__: null };

function waitFor(kind, a, b, c, daemon) {
  const id = host.wait(kind, a, b, c, current, daemon === true);
  return new P((resolve, reject) => { pending[id] = [resolve, reject]; });
}

/** Host -> isolate: resumes one wait; the continuation runs as this slice, in its task. */
function deliver(id, ok, value, task) {
  current = task;
  const entry = pending[id];
  if (entry === undefined) return;
  delete pending[id];
  if (ok) entry[0](value); else entry[1](new ErrorC(value));
}

let outcome = null;
function settle(ok, value) {
  if (outcome !== null) return;
  outcome = [ok, value];
  host.finish(ok);
}
function start(fn, args, name, heartbeatMs) {
  current = name;
  if (heartbeatMs > 0) heartbeat(heartbeatMs);
  let result;
  let promise;
  try { result = apply(fn, undefined, args); promise = resolveP(result); } catch (e) { settle(false, e); return; }
  thenP(promise, (v) => settle(true, v), (e) => settle(false, e));
}
/**
 * The call's outcome for the host, tagged by this (harness) code: 1 = the value, 0 = what the
 * function threw (described here, so nothing the student made crosses), 2 = why the value
 * cannot leave. A null prototype: no Object.prototype.then or toJSON can touch it.
 */
function takeResult() {
  if (outcome === null) return { __proto__: null, tag: 0, value: ["primitive", "undefined", "", ""] };
  if (!outcome[0]) {
    // Resolving with a revoked proxy looks up its "then": the value, not the student's throw.
    if (isRevokedThen(outcome[1])) return { __proto__: null, tag: 2, value: ["a revoked Proxy", ""] };
    return { __proto__: null, tag: 0, value: describeThrownIn(outcome[1]) };
  }
  const why = checkOutgoing(outcome[1]);
  return why === null ? { __proto__: null, tag: 1, value: outcome[1] } : { __proto__: null, tag: 2, value: why };
}
/** The harness's own task for exercises about starving the event loop; never keeps a run alive. */
async function heartbeat(ms) {
  const before = current;
  current = "heartbeat";
  const first = waitFor("sleep", ms, undefined, undefined, true);
  current = before;
  await first;
  for (;;) await waitFor("sleep", ms, undefined, undefined, true);
}
globalThis.${LOOP_GLOBAL} = { start, deliver, takeResult };

export function sleep(ms) { return waitFor("sleep", ms); }
export function io(label, latencyMs, value) { return waitFor("io", label, latencyMs, value); }
export function fetchData(url) { return waitFor("fetch", url); }
export function yieldNow() { return waitFor("yield"); }
${isPrimeSource(null)}
export { isPrime };
${counterWorkSource("counterNote")}
export { visit, score };

export function task(name, fn) {
  if (typeof fn !== "function") throw new TypeErrorC("task(name, fn): fn must be a function, got " + typeof fn);
  const before = current;
  current = str(name);
  try { return resolveP(fn()); } catch (e) { return rejectP(e); } finally { current = before; }
}

class JoinHandle {
  #id; #name;
  constructor(id, name) { this.#id = id; this.#name = name; }
  get name() { return this.#name; }
  join() { return waitFor("join", this.#id); }
}

class Sender {
  #h;
  constructor(h) { this.#h = h; }
  static handleOf(v) { return #h in v ? v.#h : -1; }
  send(value) {
    if (value === undefined) throw new TypeErrorC("send(undefined): undefined is what recv() returns once a channel is closed; send null or a value instead");
    let refused;
    try {
      refused = host.send(this.#h, value);
    } catch (e) {
      // host.send reports its own refusals as a result: a throw here is the copy of value failing.
      throw new TypeErrorC("send(value): the value cannot be copied to another isolate; send plain data (numbers, strings, arrays, objects, SharedArrayBuffers)");
    }
    if (typeof refused === "string") throw new ErrorC(refused);
  }
  close() { host.close(this.#h); }
}
class Receiver {
  #h;
  constructor(h) { this.#h = h; }
  static handleOf(v) { return #h in v ? v.#h : -1; }
  recv() { return waitFor("recv", this.#h); }
  close() { host.close(this.#h); }
  [asyncIterator]() {
    const rx = this;
    return {
      next() { return thenP(rx.recv(), (v) => (v === undefined ? { done: true, value: undefined } : { done: false, value: v })); },
      [asyncIterator]() { return this; },
    };
  }
}
function toMarker(v) {
  const tx = Sender.handleOf(v);
  if (tx >= 0) return { "${ENDPOINT_KEY}": "tx", handle: tx };
  const rx = Receiver.handleOf(v);
  if (rx >= 0) return { "${ENDPOINT_KEY}": "rx", handle: rx };
  return v;
}

export function channel() {
  const ends = host.channel();
  return [new Sender(ends[0]), new Receiver(ends[1])];
}

const burst = resolveP(undefined);
let burstOpen = false;
export function spawn(fn, data) {
  if (typeof fn !== "function") throw new TypeErrorC("spawn(fn, data): fn must be a function, got " + typeof fn);
  const source = apply(toSource, fn, []), name = fn.name, moved = walkEndpoints(data, 0, toMarker);
  let started;
  try {
    started = host.spawn(source, name, moved);
  } catch (e) {
    // host.spawn reports its own refusals as a result: a throw here is the copy of data failing.
    throw new TypeErrorC("spawn(fn, data): data must be plain data (numbers, strings, arrays, objects, SharedArrayBuffers, channel ends) that can be copied to another isolate");
  }
  if (started[0] < 0) throw new ErrorC(started[1]);
  // The host starts the workers of one synchronous burst together, once this code yields.
  if (!burstOpen) {
    burstOpen = true;
    thenP(burst, () => { burstOpen = false; host.go(); });
  }
  return new JoinHandle(started[0], started[1]);
}
`;

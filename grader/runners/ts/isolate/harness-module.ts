// Runs in the MAIN isolate as the "interleave" module the student imports. Every wait (sleep,
// io, fetchData, yieldNow, join, recv) is registered with the host, which owns the clock and the
// task queue and resumes exactly one wait per slice (../event-loop.ts). Intrinsics are captured
// before student code runs, so tampering with Promise, Map or Function.prototype cannot confuse
// the scheduler; it could only hurt the student's own run, never a verdict.
//
// The host parks its callbacks on a global (PARK_HOST_SOURCE in ../isolate-code.ts) because a module takes no
// arguments; this module takes them and deletes the global before any student code exists.
import { walkEndpoints } from "./endpoint-walk.ts";
import { createIsPrime } from "./is-prime.ts";
import { checkOutgoing, describeThrownIn, type ThrownRecord, type Unclonable } from "./outgoing-values.ts";
import { ENDPOINT_KEY, LOOP_GLOBAL, PARKED_HOST_GLOBAL, REVOKED_GLOBAL } from "./shared-constants.ts";
import { createVisitScore } from "./visit-score.ts";

/** The host's callbacks as the isolate sees them (isolate-setup.ts HarnessHost). */
export type ParkedHost = {
  spawn: (source: string, name: string, data: unknown) => [number, string];
  go: () => void;
  wait: (kind: string, subject: unknown, latencyMs: unknown, value: unknown, task: string, daemon: boolean) => number;
  finish: (ok: boolean) => void;
  channel: () => [number, number];
  send: (handle: number, value: unknown) => string | null;
  close: (handle: number) => void;
  counterNote: Int32Array;
};

/** What takeResult hands the host (student-value.ts parses it), with a null prototype. */
export type TaggedOutcome = { __proto__: null } & (
  { tag: 1; value: unknown } | { tag: 0; value: ThrownRecord } | { tag: 2; value: Unclonable }
);

type Settle = [resolve: (value: unknown) => void, reject: (reason: unknown) => void];

const parked = globalThis as unknown as Record<string, unknown>;
const host = parked[PARKED_HOST_GLOBAL] as ParkedHost;
delete parked[PARKED_HOST_GLOBAL];
const counterNote = host.counterNote;
const isRevokedThen = parked[REVOKED_GLOBAL] as (e: unknown) => boolean;
delete parked[REVOKED_GLOBAL];
const P = Promise,
  apply = Reflect.apply,
  then = P.prototype.then,
  ErrorC = Error,
  TypeErrorC = TypeError;
const presolve = P.resolve,
  preject = P.reject;
const resolveP = (v: unknown): Promise<unknown> => apply(presolve, P, [v]),
  rejectP = (e: unknown): Promise<never> => apply(preject, P, [e]);
const thenP = <T, R>(p: Promise<T>, ok: (v: T) => R, bad?: (e: unknown) => R): Promise<R> => apply(then, p, [ok, bad]);
const toSource = Function.prototype.toString,
  str = String,
  asyncIterator: typeof Symbol.asyncIterator = Symbol.asyncIterator;

let current = "main";
const pending: { [id: number]: Settle; __proto__: null } = { __proto__: null };

function waitFor<T>(
  kind: string,
  subject?: unknown,
  latencyMs?: unknown,
  value?: unknown,
  daemon?: boolean,
): Promise<T> {
  const id = host.wait(kind, subject, latencyMs, value, current, daemon === true);
  return new P<T>((resolve, reject) => {
    pending[id] = [resolve as (value: unknown) => void, reject];
  });
}

/** Host -> isolate: resumes one wait; the continuation runs as this slice, in its task. */
function deliver(id: number, ok: boolean, value: unknown, task: string): void {
  current = task;
  const entry = pending[id];
  if (entry === undefined) return;
  delete pending[id];
  if (ok) entry[0](value);
  else entry[1](new ErrorC(value as string));
}

let outcome: [ok: boolean, value: unknown] | null = null;
function settle(ok: boolean, value: unknown): void {
  if (outcome !== null) return;
  outcome = [ok, value];
  host.finish(ok);
}
function start(fn: (...args: unknown[]) => unknown, args: unknown[], name: string, heartbeatMs: number): void {
  current = name;
  if (heartbeatMs > 0) void heartbeat(heartbeatMs);
  let result;
  let promise;
  try {
    result = apply(fn, undefined, args);
    promise = resolveP(result);
  } catch (e) {
    settle(false, e);
    return;
  }
  void thenP(
    promise,
    (v) => settle(true, v),
    (e) => settle(false, e),
  );
}
/**
 * The call's outcome for the host, tagged by this (harness) code: 1 = the value, 0 = what the
 * function threw (described here, so nothing the student made crosses), 2 = why the value
 * cannot leave. A null prototype: no Object.prototype.then or toJSON can touch it.
 */
function takeResult(): TaggedOutcome {
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
async function heartbeat(ms: number): Promise<void> {
  const before = current;
  current = "heartbeat";
  const first = waitFor("sleep", ms, undefined, undefined, true);
  current = before;
  await first;
  for (;;) await waitFor("sleep", ms, undefined, undefined, true);
}
parked[LOOP_GLOBAL] = { start, deliver, takeResult };

export function sleep(ms: number): Promise<void> {
  return waitFor("sleep", ms);
}
export function io(label: string, latencyMs: number, value?: unknown): Promise<unknown> {
  return waitFor("io", label, latencyMs, value);
}
export function fetchData(url: string): Promise<unknown> {
  return waitFor("fetch", url);
}
export function yieldNow(): Promise<void> {
  return waitFor("yield");
}
export const isPrime = createIsPrime(null);
const counterWork = createVisitScore(counterNote);
export const visit = counterWork.visit,
  score = counterWork.score;

export function task(name: string, fn: () => unknown): Promise<unknown> {
  if (typeof fn !== "function") throw new TypeErrorC("task(name, fn): fn must be a function, got " + typeof fn);
  const before = current;
  current = str(name);
  try {
    return resolveP(fn());
  } catch (e) {
    return rejectP(e);
  } finally {
    current = before;
  }
}

class JoinHandle {
  #id;
  #name;
  constructor(id: number, name: string) {
    this.#id = id;
    this.#name = name;
  }
  get name() {
    return this.#name;
  }
  join() {
    return waitFor("join", this.#id);
  }
}

class Sender {
  #h;
  constructor(h: number) {
    this.#h = h;
  }
  static handleOf(v: object) {
    return #h in v ? v.#h : -1;
  }
  send(value: unknown) {
    if (value === undefined)
      throw new TypeErrorC(
        "send(undefined): undefined is what recv() returns once a channel is closed; send null or a value instead",
      );
    let refused;
    try {
      refused = host.send(this.#h, value);
    } catch (e) {
      // host.send reports its own refusals as a result: a throw here is the copy of value failing.
      throw new TypeErrorC(
        "send(value): the value cannot be copied to another isolate; send plain data (numbers, strings, arrays, objects, SharedArrayBuffers)",
      );
    }
    if (typeof refused === "string") throw new ErrorC(refused);
  }
  close() {
    host.close(this.#h);
  }
}
class Receiver {
  #h;
  constructor(h: number) {
    this.#h = h;
  }
  static handleOf(v: object) {
    return #h in v ? v.#h : -1;
  }
  recv() {
    return waitFor("recv", this.#h);
  }
  close() {
    host.close(this.#h);
  }
  [asyncIterator]() {
    const rx = this;
    return {
      next() {
        return thenP(rx.recv(), (v) =>
          v === undefined ? { done: true, value: undefined } : { done: false, value: v },
        );
      },
      [asyncIterator]() {
        return this;
      },
    };
  }
}
function toMarker(v: object): unknown {
  const tx = Sender.handleOf(v);
  if (tx >= 0) return { [ENDPOINT_KEY]: "tx", handle: tx };
  const rx = Receiver.handleOf(v);
  if (rx >= 0) return { [ENDPOINT_KEY]: "rx", handle: rx };
  return v;
}

export function channel(): [Sender, Receiver] {
  const ends = host.channel();
  return [new Sender(ends[0]), new Receiver(ends[1])];
}

const burst = resolveP(undefined);
let burstOpen = false;
export function spawn(fn: (data: unknown) => unknown, data: unknown): JoinHandle {
  if (typeof fn !== "function") throw new TypeErrorC("spawn(fn, data): fn must be a function, got " + typeof fn);
  const source: string = apply(toSource, fn, []),
    name = fn.name,
    moved = walkEndpoints(data, 0, toMarker);
  let started;
  try {
    started = host.spawn(source, name, moved);
  } catch (e) {
    // host.spawn reports its own refusals as a result: a throw here is the copy of data failing.
    throw new TypeErrorC(
      "spawn(fn, data): data must be plain data (numbers, strings, arrays, objects, SharedArrayBuffers, channel ends) that can be copied to another isolate",
    );
  }
  if (started[0] < 0) throw new ErrorC(started[1]);
  // The host starts the workers of one synchronous burst together, once this code yields.
  if (!burstOpen) {
    burstOpen = true;
    void thenP(burst, () => {
      burstOpen = false;
      host.go();
    });
  }
  return new JoinHandle(started[0], started[1]);
}

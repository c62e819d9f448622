// JavaScript that runs INSIDE student isolates. Nothing here is trusted: student code can
// replace any global after it runs. It only forwards output and spawn/join requests to the
// host, which validates every argument and keeps all verdict state on its side.

/** evalClosure source: $0 = host write(stream, text) -> boolean (false when the cap is hit). */
export const CONSOLE_SOURCE = String.raw`
const write = $0, prefix = $1;
const str = String, json = JSON.stringify, isArray = Array.isArray, keys = Object.keys;
function show(v, seen, depth) {
  switch (typeof v) {
    case "string": return depth ? json(v) : v;
    case "bigint": return str(v) + "n";
    case "function": return "[Function " + (v.name || "anonymous") + "]";
    case "object": break;
    default: return str(v);
  }
  if (v === null) return "null";
  if (v instanceof Error) return v.stack || (v.name + ": " + v.message);
  if (seen.includes(v)) return "[Circular]";
  if (depth > 3) return isArray(v) ? "[Array]" : "[Object]";
  seen = seen.concat([v]);
  if (ArrayBuffer.isView(v)) {
    const items = Array.prototype.slice.call(v, 0, 20).join(", ");
    return v.constructor.name + "(" + v.length + ") [" + items + (v.length > 20 ? ", ..." : "") + "]";
  }
  if (v instanceof SharedArrayBuffer) return "SharedArrayBuffer { byteLength: " + v.byteLength + " }";
  if (isArray(v)) {
    const items = v.slice(0, 100).map((x) => show(x, seen, depth + 1)).join(", ");
    return "[" + items + (v.length > 100 ? ", ..." : "") + "]";
  }
  const shown = keys(v).slice(0, 50).map((k) => k + ": " + show(v[k], seen, depth + 1));
  return shown.length ? "{ " + shown.join(", ") + " }" : "{}";
}
const open = { stdout: true, stderr: true };
const make = (stream) => (...args) => {
  if (!open[stream]) return;
  let text;
  try { text = args.map((a) => show(a, [], 0)).join(" "); } catch (e) { text = "[unprintable value]"; }
  open[stream] = write(stream, prefix + text + "\n") !== false;
};
const out = make("stdout"), err = make("stderr");
globalThis.console = { log: out, info: out, debug: out, warn: err, error: err, trace: err };
`;

/** evalClosure source: parks the host handles where the "interleave" module picks them up. */
export const PARK_HOST_SOURCE = `globalThis.__interleave_host = { spawn: $0, go: $1, join: $2 };`;

/** The "interleave" module the student imports, evaluated before the student's module. */
export const HARNESS_MODULE_SOURCE = String.raw`
const host = globalThis.__interleave_host;
delete globalThis.__interleave_host;
const toSource = Function.prototype.toString;
const resolved = Promise.resolve();
let burstOpen = false;

class JoinHandle {
  #id;
  #name;
  constructor(id, name) { this.#id = id; this.#name = name; }
  get name() { return this.#name; }
  /** Waits for the worker; resolves with its return value (copied), rejects if it threw. */
  join() {
    return host.join.apply(undefined, [this.#id], { arguments: { copy: true }, result: { promise: true, copy: true } });
  }
}

/** Starts fn(data) on a new worker: its own isolate on its own thread. */
export function spawn(fn, data) {
  if (typeof fn !== "function") throw new TypeError("spawn(fn, data): fn must be a function, got " + typeof fn);
  let started;
  try {
    started = host.spawn(toSource.call(fn), fn.name, data);
  } catch (e) {
    if (/could not be cloned/.test(String(e && e.message))) {
      throw new TypeError("spawn(fn, data): data must be plain data (numbers, strings, arrays, objects, SharedArrayBuffers); " + e.message);
    }
    throw e;
  }
  // The host starts the workers of one synchronous burst together, once this code yields.
  if (!burstOpen) {
    burstOpen = true;
    resolved.then(() => { burstOpen = false; host.go(); });
  }
  return new JoinHandle(started[0], started[1]);
}
`;

/**
 * evalClosure source for a worker's entry: $0 = the student's function (evaluated from its
 * source text in this isolate). Runs fn(data) and rewrites the ReferenceError that a closure
 * over outer variables produces into an explanation.
 */
export const WORKER_ENTRY_SOURCE = String.raw`
const fn = $0;
return async function entry(data) {
  try {
    return await fn(data);
  } catch (e) {
    const m = e instanceof ReferenceError ? /^(\S+) is not defined$/.exec(e.message) : null;
    if (m) {
      throw new ReferenceError(m[1] + " is not defined inside the worker. A function given to spawn() runs in its own " +
        "isolate, like a Web Worker: it cannot see variables, functions or imports from the code around it. " +
        "Pass what it needs through spawn's data argument (SharedArrayBuffers stay shared).");
    }
    throw e;
  }
};
`;

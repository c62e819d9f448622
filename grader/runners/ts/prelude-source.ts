// JavaScript that runs first in EVERY student context (main and workers): console capture and
// the removal of allocations that escape isolated-vm's per-isolate memory limit. Nothing here
// is trusted afterwards: it only forwards output, and the host validates every argument.

/** evalClosure source: $0 = host write(stream, text | null, droppedCalls) -> boolean (false once full), $1 = prefix. */
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
const dropped = { stdout: 0, stderr: 0 };
const make = (stream) => (...args) => {
  // Once a stream is full only the NUMBER of further calls crosses over (in batches, so a
  // flood stays cheap): the host needs it to tell a flood (output_limit) from chatty code.
  if (!open[stream]) {
    if (++dropped[stream] % 1000 === 0) write(stream, null, 1000);
    return;
  }
  let text;
  try { text = args.map((a) => show(a, [], 0)).join(" "); } catch (e) { text = "[unprintable value]"; }
  open[stream] = write(stream, prefix + text + "\n", 0) !== false;
};
const out = make("stdout"), err = make("stderr");
globalThis.console = { log: out, info: out, debug: out, warn: err, error: err, trace: err };
`;

/**
 * Measured here (isolated-vm 7.0.1): WebAssembly.Memory and resizable/growable buffers
 * (`maxByteLength`) are allocated outside the isolate's ArrayBuffer allocator, so its
 * memoryLimit never sees them (a 16 MB isolate grew one to 1.3 GB). They are removed; plain
 * ArrayBuffers and SharedArrayBuffers stay, and count against the limit.
 */
export const HARDEN_SOURCE = String.raw`
delete globalThis.WebAssembly;
for (const name of ["ArrayBuffer", "SharedArrayBuffer"]) {
  const Original = globalThis[name];
  const construct = Reflect.construct;
  const Limited = function (length, options) {
    if (new.target === undefined) throw new TypeError("Constructor " + name + " requires 'new'");
    if (options !== null && typeof options === "object" && options.maxByteLength !== undefined) {
      throw new RangeError(name + ": resizable buffers (maxByteLength) are not available in this sandbox; allocate the size you need up front");
    }
    return construct(Original, [length], new.target);
  };
  Object.defineProperty(Limited, "name", { value: name });
  Limited.prototype = Original.prototype;
  for (const key of Reflect.ownKeys(Original)) {
    if (key !== "length" && key !== "name" && key !== "prototype") {
      Object.defineProperty(Limited, key, Object.getOwnPropertyDescriptor(Original, key));
    }
  }
  Object.defineProperty(Original.prototype, "constructor", { value: Limited, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(globalThis, name, { value: Limited, writable: true, configurable: true, enumerable: false });
}
`;

/** Marker that carries a channel end through spawn()'s data (see channels.ts). */
export const ENDPOINT_KEY = "@@interleave";

/**
 * Shared by the main harness and workers: `pack` swaps Sender/Receiver objects in spawn data for
 * markers the host understands, `unpack` turns markers back into endpoints. Only arrays and
 * plain objects near the top are searched (depth 3, 64 entries each), so big data stays cheap.
 */
export const ENDPOINT_WALK_SOURCE = String.raw`
const isArrayW = Array.isArray, getProtoW = Object.getPrototypeOf, ownKeysW = Object.keys, defineW = Object.defineProperty, ObjectProtoW = Object.prototype;
function walkEndpoints(v, depth, swap) {
  if (v === null || typeof v !== "object") return v;
  const swapped = swap(v);
  if (swapped !== v) return swapped;
  if (depth >= 3) return v;
  if (isArrayW(v)) {
    if (v.length > 64) return v;
    let out = null;
    for (let i = 0; i < v.length; i++) {
      const item = walkEndpoints(v[i], depth + 1, swap);
      if (item !== v[i] && out === null) { out = []; for (let j = 0; j < v.length; j++) out[j] = v[j]; }
      if (out !== null) out[i] = item;
    }
    return out === null ? v : out;
  }
  const proto = getProtoW(v);
  if (proto !== ObjectProtoW && proto !== null) return v;
  const ks = ownKeysW(v);
  if (ks.length > 64) return v;
  let out = null;
  for (let i = 0; i < ks.length; i++) {
    const item = walkEndpoints(v[ks[i]], depth + 1, swap);
    if (item !== v[ks[i]] && out === null) {
      out = {};
      for (let j = 0; j < ks.length; j++) defineW(out, ks[j], { value: v[ks[j]], writable: true, enumerable: true, configurable: true });
    }
    if (out !== null) defineW(out, ks[i], { value: item, writable: true, enumerable: true, configurable: true });
  }
  return out === null ? v : out;
}
`;

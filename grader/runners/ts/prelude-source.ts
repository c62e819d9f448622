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
 *
 * evalClosure source: $0 = host Callback refused(bytes). isolated-vm's allocator refuses a
 * buffer over the memory limit with a RangeError the student's code could also throw itself;
 * the constructors below see the refusal first hand (a valid length, and the native
 * constructor threw) and tell the host, which then knows the isolate ran out of memory
 * without reading any message.
 */
export const HARDEN_SOURCE = String.raw`
const refused = $0;
delete globalThis.WebAssembly;
const construct = Reflect.construct, isInteger = Number.isInteger, RangeErrorC = RangeError, defineProperty = Object.defineProperty;
const getOwn = Object.getOwnPropertyDescriptor, ownKeys = Reflect.ownKeys, setProto = Object.setPrototypeOf, getProto = Object.getPrototypeOf;
const buffers = ["ArrayBuffer", "SharedArrayBuffer"];
const views = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "Float16Array"];
for (const name of [...buffers, ...views]) {
  const Original = globalThis[name];
  if (typeof Original !== "function") continue;
  const isBuffer = buffers.includes(name);
  const unit = isBuffer ? 1 : Original.BYTES_PER_ELEMENT;
  const Limited = function (...args) {
    if (new.target === undefined) throw new TypeError("Constructor " + name + " requires 'new'");
    const options = args[1];
    if (isBuffer && options !== null && typeof options === "object" && options.maxByteLength !== undefined) {
      throw new RangeError(name + ": resizable buffers (maxByteLength) are not available in this sandbox; allocate the size you need up front");
    }
    const length = args[0];
    try {
      return construct(Original, isBuffer ? [length] : args, new.target);
    } catch (e) {
      // Only a plain "new X(n)" with a length the engine accepts can fail for lack of memory.
      if (e instanceof RangeErrorC && new.target === Limited && typeof length === "number" && isInteger(length) && length >= 0 && length * unit <= 2 ** 32) {
        try { refused(length * unit); } catch {}
      }
      throw e;
    }
  };
  defineProperty(Limited, "name", { value: name });
  defineProperty(Limited, "length", { value: Original.length });
  Limited.prototype = Original.prototype;
  setProto(Limited, getProto(Original));
  for (const key of ownKeys(Original)) {
    if (key !== "length" && key !== "name" && key !== "prototype") defineProperty(Limited, key, getOwn(Original, key));
  }
  defineProperty(Original.prototype, "constructor", { value: Limited, writable: true, configurable: true, enumerable: false });
  defineProperty(globalThis, name, { value: Limited, writable: true, configurable: true, enumerable: false });
}

// Proxy.revocable, rebuilt so that the harness knows a revoked proxy when one is returned: an
// async function returning it rejects while looking up "then", with a TypeError that only
// this code makes (kept in a WeakSet the harness takes below), not with words to match.
const RealProxy = Proxy, realRevocable = Proxy.revocable, ReflectO = Reflect, apply = Reflect.apply, TypeErrorC = TypeError;
const revokedThen = new WeakSet(), wsAdd = WeakSet.prototype.add, wsHas = WeakSet.prototype.has;
const TRAPS = ["apply", "construct", "defineProperty", "deleteProperty", "get", "getOwnPropertyDescriptor", "getPrototypeOf", "has", "isExtensible", "ownKeys", "preventExtensions", "set", "setPrototypeOf"];
defineProperty(RealProxy, "revocable", { writable: true, configurable: true, enumerable: false, value: {
  revocable(target, handler) {
    const inner = apply(realRevocable, RealProxy, [target, handler]);
    let revoked = false;
    const traps = { __proto__: null };
    for (let i = 0; i < TRAPS.length; i++) {
      const name = TRAPS[i], forward = ReflectO[name];
      traps[name] = function () {
        if (revoked) {
          const e = new TypeErrorC("Cannot perform '" + name + "' on a proxy that has been revoked");
          if (name === "get" && arguments[1] === "then") apply(wsAdd, revokedThen, [e]);
          throw e;
        }
        const args = arguments;
        args[0] = inner.proxy;
        return apply(forward, ReflectO, args);
      };
    }
    return { proxy: new RealProxy(target, traps), revoke() { revoked = true; inner.revoke(); } };
  },
}.revocable });
defineProperty(globalThis, "__interleave_revoked", { configurable: true, value: (e) => apply(wsHas, revokedThen, [e]) });
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
      // defineProperty, not assignment: a setter on Array.prototype must not see the copy.
      if (item !== v[i] && out === null) { out = []; for (let j = 0; j < v.length; j++) defineW(out, j, { value: v[j], writable: true, enumerable: true, configurable: true }); }
      if (out !== null) defineW(out, i, { value: item, writable: true, enumerable: true, configurable: true });
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

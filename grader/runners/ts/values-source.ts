// JavaScript shared by the main harness and the worker runtime: what the harness does with a
// student value BEFORE it leaves an isolate. Both functions use intrinsics captured before any
// student code runs, never call a getter, and keep their own work bounded, so a hostile value
// (cycles, BigInt, proxies, huge strings, deep nesting) costs the host a short record, not a
// crash. The host trusts the tags these return (they come from harness code), not the text.

/** Limits on a value copied out of an isolate (a result, a worker's return value). */
export const OUTGOING = { maxDepth: 200, maxNodes: 200_000, maxChars: 1_000_000, maxBytes: 8 * 2 ** 20 } as const;

/** Longest message or stack text taken from a thrown value. */
export const MAX_THROWN_TEXT = 2000;

/**
 * Defines `checkOutgoing(value)` -> null when structured clone can copy the value within the
 * limits, else [what, path] (e.g. ["a Promise", "[0]"]); and `describeThrownIn(e)` ->
 * [kind, name, message, stack], kind one of "error" | "primitive" | "symbol" | "object" |
 * "function", every field a capped string.
 */
export const VALUES_SOURCE = String.raw`
const V_apply = Reflect.apply, V_ownKeys = Reflect.ownKeys, V_gopd = Reflect.getOwnPropertyDescriptor, V_getProto = Reflect.getPrototypeOf;
const V_isArray = Array.isArray, V_String = String, V_isView = ArrayBuffer.isView, V_Number = Number;
const V_PromiseProto = Promise.prototype, V_WeakSet = WeakSet, V_wsHas = WeakSet.prototype.has, V_wsAdd = WeakSet.prototype.add;
const V_mapForEach = Map.prototype.forEach, V_setForEach = Set.prototype.forEach;
const V_mapSize = V_gopd(Map.prototype, "size").get, V_setSize = V_gopd(Set.prototype, "size").get;
const V_symDescription = V_gopd(Symbol.prototype, "description").get;
const V_isError = typeof Error.isError === "function" ? Error.isError : null, V_toTag = Object.prototype.toString;
const V_stackGet = V_gopd(new Error(), "stack").get;
const V_LIMITS = ${JSON.stringify(OUTGOING)};
const V_MAX_TEXT = ${MAX_THROWN_TEXT};

function V_try(f, fallback) { try { return f(); } catch (e) { return fallback; } }
function V_brand(getter, v) { try { V_apply(getter, v, []); return true; } catch (e) { return false; } }
function V_path(path, key) {
  if (path.length > 60) return path;
  return path + (typeof key === "number" || /^\d+$/.test(key) ? "[" + key + "]" : "." + key);
}

function checkOutgoing(root) {
  const seen = new V_WeakSet();
  const stack = [root, 0, ""];
  let nodes = 0, chars = 0, bytes = 0;
  while (stack.length > 0) {
    const path = stack.pop(), depth = stack.pop(), v = stack.pop();
    const where = path === "" ? "" : path;
    switch (typeof v) {
      case "string":
        chars += v.length;
        if (chars > V_LIMITS.maxChars) return ["more than " + V_LIMITS.maxChars + " characters of text", where];
        continue;
      case "symbol": return ["a Symbol", where];
      case "function": return ["a function", where];
      case "object": break;
      default: continue;
    }
    if (v === null) continue;
    if (V_apply(V_wsHas, seen, [v])) continue;
    V_apply(V_wsAdd, seen, [v]);
    if (depth >= V_LIMITS.maxDepth) return ["more than " + V_LIMITS.maxDepth + " levels of nesting", where];
    if (++nodes > V_LIMITS.maxNodes) return ["more than " + V_LIMITS.maxNodes + " objects and items", where];
    let proto;
    try { proto = V_getProto(v); } catch (e) { return ["an object that cannot be inspected (a revoked Proxy?)", where]; }
    if (proto === V_PromiseProto) return ["a Promise", where];
    if (V_isView(v)) {
      const n = V_try(() => V_Number(v.byteLength), 0);
      bytes += n > 0 ? n : 0;
      if (bytes > V_LIMITS.maxBytes) return ["more than " + V_LIMITS.maxBytes + " bytes of typed arrays", where];
      continue;
    }
    if (V_brand(V_mapSize, v)) {
      nodes += V_apply(V_mapSize, v, []);
      if (nodes > V_LIMITS.maxNodes) return ["more than " + V_LIMITS.maxNodes + " objects and items", where];
      V_apply(V_mapForEach, v, [(value, key) => { stack.push(key, depth + 1, where + ".<key>", value, depth + 1, where + ".<value>"); }]);
      continue;
    }
    if (V_brand(V_setSize, v)) {
      nodes += V_apply(V_setSize, v, []);
      if (nodes > V_LIMITS.maxNodes) return ["more than " + V_LIMITS.maxNodes + " objects and items", where];
      V_apply(V_setForEach, v, [(value) => { stack.push(value, depth + 1, where + ".<item>"); }]);
      continue;
    }
    // A sparse array costs the isolate nothing however long it is, but whoever walks it on the
    // other side (the host's tests) visits every index: its length counts, not its keys.
    if (V_isArray(v)) {
      const length = V_try(() => V_Number(V_gopd(v, "length").value), 0);
      if (!(length <= V_LIMITS.maxNodes)) return ["an array of length " + length + " (more than " + V_LIMITS.maxNodes + " items)", where];
    }
    let keys;
    try { keys = V_ownKeys(v); } catch (e) { return ["an object whose properties cannot be listed (a Proxy?)", where]; }
    nodes += keys.length;
    if (nodes > V_LIMITS.maxNodes) return ["more than " + V_LIMITS.maxNodes + " objects and items", where];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (typeof key !== "string") continue;
      let d;
      try { d = V_gopd(v, key); } catch (e) { return ["an object whose properties cannot be read (a Proxy?)", where]; }
      if (d === undefined || !d.enumerable) continue;
      if (!("value" in d)) return ["a getter (property " + key.slice(0, 40) + ")", V_path(where, key)];
      stack.push(d.value, depth + 1, V_path(where, key));
    }
  }
  return null;
}

function V_text(v) {
  if (typeof v !== "string") return null;
  return v.length > V_MAX_TEXT ? v.slice(0, V_MAX_TEXT) + "…" : v;
}
function V_own(o, key) {
  // Own data properties only: a getter would run the student's code with our call on the stack.
  const d = V_try(() => V_gopd(o, key), undefined);
  return d !== undefined && "value" in d ? d.value : undefined;
}
function V_protoData(o, key) {
  for (let p = o, i = 0; p !== null && i < 8; i++) {
    const d = V_try(() => V_gopd(p, key), undefined);
    if (d !== undefined) return "value" in d ? d.value : undefined;
    p = V_try(() => V_getProto(p), null);
  }
  return undefined;
}

function describeThrownIn(e) {
  switch (typeof e) {
    case "symbol": return ["symbol", "", V_text(V_try(() => V_apply(V_symDescription, e, [])) ?? "") ?? "", ""];
    case "function": return ["function", "", V_text(V_try(() => e.name, "")) ?? "", ""];
    case "object": if (e !== null) break;
    // fall through
    default: return ["primitive", typeof e, V_text(typeof e === "bigint" ? V_String(e) + "n" : typeof e === "string" ? e : V_String(e)) ?? "", ""];
  }
  const isError = V_isError ? V_try(() => V_isError(e), false) : V_try(() => V_apply(V_toTag, e, []) === "[object Error]", false);
  if (!isError) {
    const keys = V_try(() => V_ownKeys(e), null);
    if (keys === null) return ["object", "", "an object that cannot be inspected (a revoked Proxy?)", ""];
    const names = [];
    for (let i = 0; i < keys.length && names.length < 6; i++) if (typeof keys[i] === "string") names.push(keys[i].slice(0, 30));
    return ["object", V_isArray(e) ? "array" : "object", names.join(", "), ""];
  }
  // V8 keeps message as an own data property of the error; name comes from its prototype.
  const name = V_text(V_protoData(e, "name")) ?? "Error";
  const message = V_text(V_own(e, "message")) ?? "";
  // stack is V8's own accessor: called only when it is V8's (it may run Error.prepareStackTrace).
  const sd = V_try(() => V_gopd(e, "stack"), undefined);
  const stack = V_text(sd === undefined ? undefined : "value" in sd ? sd.value : sd.get === V_stackGet ? V_try(() => V_apply(V_stackGet, e, []), undefined) : undefined) ?? "";
  return ["error", name, message, stack];
}
`;

// Runs inside the isolates (main harness and workers): what the harness does with a student
// value BEFORE it leaves an isolate. Both functions use intrinsics captured before any student
// code runs, never call a getter, and keep their own work bounded, so a hostile value (cycles,
// BigInt, proxies, huge strings, deep nesting) costs the host a short record, not a crash. The
// host trusts the tags these return (they come from harness code), not the text.
import { MAX_THROWN_TEXT, OUTGOING } from "./shared-constants.ts";

/** Why a value cannot leave, and where in it: e.g. ["a Promise", "[0]"]. */
export type Unclonable = [what: string, path: string];
/** A thrown value as plain strings: kind is "error" | "primitive" | "symbol" | "object" | "function". */
export type ThrownRecord = [kind: string, name: string, message: string, stack: string];

const apply = Reflect.apply,
  ownKeys = Reflect.ownKeys,
  gopd = Reflect.getOwnPropertyDescriptor,
  getProto = Reflect.getPrototypeOf;
const isArray = Array.isArray,
  TypeErrorC = TypeError,
  StringC = String,
  isView = ArrayBuffer.isView,
  NumberC = Number;
const PromiseProto = Promise.prototype,
  WeakSetC = WeakSet,
  wsHas = WeakSet.prototype.has,
  wsAdd = WeakSet.prototype.add;
const mapForEach = Map.prototype.forEach,
  setForEach = Set.prototype.forEach;
const mapSize = getterOf(Map.prototype, "size"),
  setSize = getterOf(Set.prototype, "size");
const symDescription = getterOf(Symbol.prototype, "description");
const isErrorF: ((v: unknown) => boolean) | null = typeof Error.isError === "function" ? Error.isError : null,
  toTag = Object.prototype.toString;
const stackGet = gopd(new Error(), "stack")?.get;
const LIMITS = OUTGOING;
const MAX_TEXT = MAX_THROWN_TEXT;

function getterOf(o: object, key: string): (this: unknown) => unknown {
  const get = gopd(o, key)?.get;
  if (get === undefined) throw new TypeError("no getter " + key);
  return get;
}

/** f(), or `fallback` when it throws. */
export function attempt<T, F>(f: () => T, fallback: F): T | F;
export function attempt<T>(f: () => T): T | undefined;
export function attempt<T, F>(f: () => T, fallback?: F): T | F | undefined {
  try {
    return f();
  } catch (e) {
    return fallback;
  }
}
function brand(getter: (this: unknown) => unknown, v: unknown): boolean {
  try {
    apply(getter, v, []);
    return true;
  } catch (e) {
    return false;
  }
}
function pathTo(path: string, key: string | number): string {
  if (path.length > 60) return path;
  return path + (typeof key === "number" || /^\d+$/.test(key) ? "[" + key + "]" : "." + key);
}

/** null when structured clone can copy the value within the limits, else what and where. */
export function checkOutgoing(root: unknown): Unclonable | null {
  const seen = new WeakSetC<object>();
  const stack: unknown[] = [root, 0, ""];
  let nodes = 0,
    chars = 0,
    bytes = 0;
  while (stack.length > 0) {
    const path = stack.pop() as string,
      depth = stack.pop() as number,
      v = stack.pop();
    const where = path === "" ? "" : path;
    switch (typeof v) {
      case "string":
        chars += v.length;
        if (chars > LIMITS.maxChars) return ["more than " + LIMITS.maxChars + " characters of text", where];
        continue;
      case "symbol":
        return ["a Symbol", where];
      case "function":
        return ["a function", where];
      case "object":
        break;
      default:
        continue;
    }
    if (v === null) continue;
    if (apply(wsHas, seen, [v])) continue;
    apply(wsAdd, seen, [v]);
    if (depth >= LIMITS.maxDepth) return ["more than " + LIMITS.maxDepth + " levels of nesting", where];
    if (++nodes > LIMITS.maxNodes) return ["more than " + LIMITS.maxNodes + " objects and items", where];
    let proto;
    try {
      proto = getProto(v);
    } catch (e) {
      return ["an object that cannot be inspected (a revoked Proxy?)", where];
    }
    if (proto === PromiseProto) return ["a Promise", where];
    if (isView(v)) {
      const n = attempt(() => NumberC(v.byteLength), 0);
      bytes += n > 0 ? n : 0;
      if (bytes > LIMITS.maxBytes) return ["more than " + LIMITS.maxBytes + " bytes of typed arrays", where];
      continue;
    }
    if (brand(mapSize, v)) {
      nodes += apply(mapSize, v, []) as number;
      if (nodes > LIMITS.maxNodes) return ["more than " + LIMITS.maxNodes + " objects and items", where];
      apply(mapForEach, v, [
        (value: unknown, key: unknown) => {
          stack.push(key, depth + 1, where + ".<key>", value, depth + 1, where + ".<value>");
        },
      ]);
      continue;
    }
    if (brand(setSize, v)) {
      nodes += apply(setSize, v, []) as number;
      if (nodes > LIMITS.maxNodes) return ["more than " + LIMITS.maxNodes + " objects and items", where];
      apply(setForEach, v, [
        (value: unknown) => {
          stack.push(value, depth + 1, where + ".<item>");
        },
      ]);
      continue;
    }
    // A sparse array costs the isolate nothing however long it is, but whoever walks it on the
    // other side (the host's tests) visits every index: its length counts, not its keys.
    if (isArray(v)) {
      const length = attempt(() => {
        const d = gopd(v, "length");
        if (d === undefined) throw new TypeErrorC("no length");
        return NumberC(d.value);
      }, 0);
      if (!(length <= LIMITS.maxNodes))
        return ["an array of length " + length + " (more than " + LIMITS.maxNodes + " items)", where];
    }
    let keys;
    try {
      keys = ownKeys(v);
    } catch (e) {
      return ["an object whose properties cannot be listed (a Proxy?)", where];
    }
    nodes += keys.length;
    if (nodes > LIMITS.maxNodes) return ["more than " + LIMITS.maxNodes + " objects and items", where];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (typeof key !== "string") continue;
      let d;
      try {
        d = gopd(v, key);
      } catch (e) {
        return ["an object whose properties cannot be read (a Proxy?)", where];
      }
      if (d === undefined || !d.enumerable) continue;
      if (!("value" in d)) return ["a getter (property " + key.slice(0, 40) + ")", pathTo(where, key)];
      stack.push(d.value, depth + 1, pathTo(where, key));
    }
  }
  return null;
}

function text(v: unknown): string | null {
  if (typeof v !== "string") return null;
  return v.length > MAX_TEXT ? v.slice(0, MAX_TEXT) + "…" : v;
}
/** An own data property's value; undefined for a getter, which would run student code with our call on the stack. */
export function ownData(o: object, key: string): unknown {
  const d = attempt(() => gopd(o, key), undefined);
  return d !== undefined && "value" in d ? d.value : undefined;
}
function protoData(o: object, key: string): unknown {
  for (let p: object | null = o, i = 0; p !== null && i < 8; i++) {
    const here: object = p;
    const d = attempt(() => gopd(here, key), undefined);
    if (d !== undefined) return "value" in d ? d.value : undefined;
    p = attempt(() => getProto(here), null);
  }
  return undefined;
}

/** A thrown value described with the harness's own code, every field a capped string. */
export function describeThrownIn(e: unknown): ThrownRecord {
  switch (typeof e) {
    case "symbol":
      return ["symbol", "", text(attempt(() => apply(symDescription, e, [])) ?? "") ?? "", ""];
    case "function":
      return ["function", "", text(attempt(() => e.name, "")) ?? "", ""];
    case "object":
      if (e !== null) break;
    // fall through
    default:
      return [
        "primitive",
        typeof e,
        text(typeof e === "bigint" ? StringC(e) + "n" : typeof e === "string" ? e : StringC(e)) ?? "",
        "",
      ];
  }
  const isError = isErrorF
    ? attempt(() => isErrorF(e), false)
    : attempt(() => apply(toTag, e, []) === "[object Error]", false);
  if (!isError) {
    const keys = attempt(() => ownKeys(e), null);
    if (keys === null) return ["object", "", "an object that cannot be inspected (a revoked Proxy?)", ""];
    const names: string[] = [];
    for (let i = 0; i < keys.length && names.length < 6; i++) {
      const key = keys[i];
      if (typeof key === "string") names.push(key.slice(0, 30));
    }
    return ["object", isArray(e) ? "array" : "object", names.join(", "), ""];
  }
  // V8 keeps message as an own data property of the error; name comes from its prototype.
  const name = text(protoData(e, "name")) ?? "Error";
  const message = text(ownData(e, "message")) ?? "";
  // stack is V8's own accessor: called only when it is V8's (it may run Error.prepareStackTrace).
  const sd = attempt(() => gopd(e, "stack"), undefined);
  const stack =
    text(
      sd === undefined
        ? undefined
        : "value" in sd
          ? sd.value
          : stackGet !== undefined && sd.get === stackGet
            ? attempt(() => apply(stackGet, e, []), undefined)
            : undefined,
    ) ?? "";
  return ["error", name, message, stack];
}

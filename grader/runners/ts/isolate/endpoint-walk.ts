// Runs inside the isolates (main harness and workers). `walkEndpoints` swaps Sender/Receiver
// objects in spawn data for markers the host understands (`pack`), or markers back into
// endpoints (`unpack`). Only arrays and plain objects near the top are searched (depth 3, 64
// entries each), so big data stays cheap. Intrinsics are captured when the harness loads, before
// any student code runs.

const isArray = Array.isArray,
  getProto = Object.getPrototypeOf,
  ownKeys = Object.keys,
  define = Object.defineProperty,
  ObjectProto = Object.prototype;

export function walkEndpoints(v: unknown, depth: number, swap: (v: object) => unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  const swapped = swap(v);
  if (swapped !== v) return swapped;
  if (depth >= 3) return v;
  if (isArray(v)) {
    const items: readonly unknown[] = v;
    if (items.length > 64) return v;
    let out: unknown[] | null = null;
    for (let i = 0; i < items.length; i++) {
      const item = walkEndpoints(items[i], depth + 1, swap);
      // defineProperty, not assignment: a setter on Array.prototype must not see the copy.
      if (item !== items[i] && out === null) {
        out = [];
        for (let j = 0; j < items.length; j++)
          define(out, j, { value: items[j], writable: true, enumerable: true, configurable: true });
      }
      if (out !== null) define(out, i, { value: item, writable: true, enumerable: true, configurable: true });
    }
    return out === null ? v : out;
  }
  const proto: unknown = getProto(v);
  if (proto !== ObjectProto && proto !== null) return v;
  const record = v as Record<string, unknown>;
  const ks = ownKeys(record);
  if (ks.length > 64) return v;
  let out: Record<string, unknown> | null = null;
  for (let i = 0; i < ks.length; i++) {
    const key = ks[i] as string;
    const item = walkEndpoints(record[key], depth + 1, swap);
    if (item !== record[key] && out === null) {
      out = {};
      for (let j = 0; j < ks.length; j++)
        define(out, ks[j] as string, {
          value: record[ks[j] as string],
          writable: true,
          enumerable: true,
          configurable: true,
        });
    }
    if (out !== null) define(out, key, { value: item, writable: true, enumerable: true, configurable: true });
  }
  return out === null ? v : out;
}

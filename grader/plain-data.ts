// Any value, however hostile (BigInt, cycles, Maps, huge strings and arrays), as bounded plain
// data that JSON can write. Used for what a GradeResult carries (expected/actual) and for
// comparing students' values. Total: never throws, never recurses without a bound.

/** Budget of toPlainData: roughly the characters the returned data may take as JSON. */
export const PLAIN_BUDGET = 8_000;

/**
 * A JSON-safe, bounded picture of any value, for expected/actual and messages: BigInt becomes
 * "123n", cycles "[Circular]", non-finite numbers their name, long strings and collections are
 * cut with a note of what was left out, and nesting deeper than `maxDepth` is summarised.
 */
export function toPlainData(value: unknown, options: { budget?: number; maxDepth?: number } = {}): unknown {
  let left = options.budget ?? PLAIN_BUDGET;
  const maxDepth = options.maxDepth ?? 12;
  const ancestors: object[] = [];
  const walk = (v: unknown, depth: number): unknown => {
    left -= 4;
    switch (typeof v) {
      case "string": {
        const room = Math.max(Math.min(v.length, left, 2000), 16);
        left -= Math.min(v.length, room);
        return v.length > room ? `${v.slice(0, room)}… (${v.length} characters)` : v;
      }
      case "number":
        return Number.isFinite(v) ? v : String(v);
      case "bigint":
        return `${String(v).slice(0, 60)}n`;
      case "boolean":
        return v;
      case "undefined":
        return null;
      case "symbol":
        return "[Symbol]";
      case "function":
        return "[Function]";
      case "object":
        break; // null and objects: below
    }
    if (v === null) return null;
    const o = v as object;
    if (ancestors.includes(o)) return "[Circular]";
    if (depth >= maxDepth || left <= 0) return Array.isArray(o) ? "[Array]" : "[Object]";
    ancestors.push(o);
    try {
      if (o instanceof Date) return Number.isNaN(o.getTime()) ? "Invalid Date" : o.toISOString();
      if (o instanceof Map)
        return {
          "[Map]": collect([...o.entries()].slice(0, 200), o.size, (e) => [
            walk(e[0], depth + 1),
            walk(e[1], depth + 1),
          ]),
        };
      if (o instanceof Set)
        return { "[Set]": collect([...o.values()].slice(0, 200), o.size, (e) => walk(e, depth + 1)) };
      if (ArrayBuffer.isView(o)) {
        const items = o instanceof DataView ? [] : Array.from(o as unknown as ArrayLike<unknown>).slice(0, 200);
        return collect(items, (o as unknown as ArrayLike<unknown>).length ?? 0, (e) => walk(e, depth + 1));
      }
      if (o instanceof ArrayBuffer || o instanceof SharedArrayBuffer)
        return `[${o.constructor.name} of ${o.byteLength} bytes]`;
      if (Array.isArray(o)) return collect(o.slice(0, 1000), o.length, (e) => walk(e, depth + 1));
      const out: Record<string, unknown> = {};
      const keys = Object.keys(o);
      let shown = 0;
      for (const key of keys) {
        if (left <= 0 || shown >= 200) {
          out["…"] = `${keys.length - shown} more keys`;
          break;
        }
        left -= Math.min(key.length, 100);
        out[key.length > 100 ? `${key.slice(0, 100)}…` : key] = walk((o as Record<string, unknown>)[key], depth + 1);
        shown += 1;
      }
      return out;
    } catch {
      return "[unreadable]";
    } finally {
      ancestors.pop();
    }
  };
  const collect = <T>(items: T[], total: number, one: (item: T) => unknown): unknown[] => {
    const out: unknown[] = [];
    for (const item of items) {
      if (left <= 0) break;
      out.push(one(item));
    }
    if (total > out.length) out.push(`… ${total - out.length} more`);
    return out;
  };
  return walk(value, 0);
}

/**
 * JSON.stringify for comparing a student's value with an expected one: the same text for
 * plain data, and for anything JSON cannot write (BigInt, cycles) a text that never equals
 * plain data's, instead of a throw.
 */
export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "undefined";
  } catch {
    return `\u0000${JSON.stringify(toPlainData(value))}`;
  }
}

/** `value` as text of at most `max` characters, cut with an ellipsis (names, messages). */
export function clipText(value: unknown, max: number): string {
  const text = typeof value === "string" ? value : String(value ?? "");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// What the host does with values that came out of a student's isolate. They are plain copies
// (structured clone), but still hostile data: BigInt, cycles, Maps, huge arrays. Everything
// here is total: it never throws, never recurses without a bound, and caps what it returns.
import { z } from "zod";

/** What the harness handed out of an isolate (isolate/outgoing-values.ts), tagged by harness code. */
export type Taken =
  | { tag: "value"; value: unknown }
  | { tag: "threw"; thrown: Thrown }
  | { tag: "unclonable"; what: string; path: string };

/** A thrown value as the harness described it inside the isolate. */
export type Thrown = {
  kind: "error" | "primitive" | "symbol" | "object" | "function";
  name: string;
  message: string;
  stack: string;
};

const Envelope = z.union([
  z.object({ tag: z.literal(1), value: z.unknown() }),
  z.object({
    tag: z.literal(0),
    value: z.tuple([
      z.enum(["error", "primitive", "symbol", "object", "function"]),
      z.string(),
      z.string(),
      z.string(),
    ]),
  }),
  z.object({ tag: z.literal(2), value: z.tuple([z.string(), z.string()]) }),
]);

/** The envelope copied out of an isolate, checked; null when it is not one of ours. */
export function parseEnvelope(raw: unknown): Taken | null {
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return null;
  const e = parsed.data;
  if (e.tag === 1) return { tag: "value", value: e.value };
  if (e.tag === 0)
    return { tag: "threw", thrown: { kind: e.value[0], name: e.value[1], message: e.value[2], stack: e.value[3] } };
  return { tag: "unclonable", what: e.value[0], path: e.value[1] };
}

/** A structured-clone failure the harness could not foresee (e.g. a Proxy): the copy itself failed. */
export const COPY_FAILED: Taken = {
  tag: "unclonable",
  what: "something structured clone cannot copy (a Proxy, or a getter that threw)",
  path: "",
};

/** "returned a value that cannot leave the sandbox: …" with a hint that fits what was found. */
export function unclonableSentence(taken: { what: string; path: string }, where: string): string {
  const at = taken.path ? ` at ${taken.path}` : "";
  const hint =
    taken.what === "a Promise"
      ? " — did you forget await?"
      : "; return plain data such as numbers, strings, arrays or plain objects without getters";
  return `returned a value that cannot leave the ${where}: it contains ${taken.what}${at}${hint}`;
}

const MAX_TEXT = 200;
const quote = (s: string) => JSON.stringify(s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

/**
 * One clean phrase for what the student's code threw, with the student's own TypeScript lines
 * when the error carries a stack (`frames` maps the stack's text to them).
 */
export function thrownPhrase(t: Thrown, frames: (stack: string) => string[] = () => []): string {
  switch (t.kind) {
    case "error": {
      const head = `${t.name && t.name !== "Error" ? `${t.name}: ` : ""}${t.message || "(an error without a message)"}`;
      const at = frames(t.stack).slice(0, 3);
      return at.length > 0 ? `${head} (at ${at.join(", called from ")})` : head;
    }
    case "primitive":
      if (t.name === "undefined")
        return 'undefined, which is not an Error: throw new Error("…") to say what went wrong';
      return `${t.name === "string" ? `the string ${quote(t.message)}` : `the ${t.name} ${t.message.slice(0, MAX_TEXT)}`}, which is not an Error: throw new Error(…) to get a message and a line number`;
    case "symbol":
      return `a Symbol${t.message ? ` (${quote(t.message)})` : ""}, which is not an Error: throw new Error(…) to get a message and a line number`;
    case "function":
      return `a function${t.message ? ` (${t.message.slice(0, 60)})` : ""}, which is not an Error: throw new Error(…) instead`;
    case "object":
      if (t.name === "") return `${t.message}, which is not an Error: throw new Error(…) instead`;
      return `${t.name === "array" ? "an array" : "an object"}${t.message ? ` (keys: ${t.message.slice(0, MAX_TEXT)})` : ""}, which is not an Error: throw new Error(…) to get a message and a line number`;
  }
}

// Checks the arguments of a wait that crossed from an isolate (untrusted) and turns them into
// what the event loop schedules. A bad argument throws inside the student's call, phrased for
// the student; fetchData answers come from the exercise's fake server (trusted host code).
import { z } from "zod";
import type { Channels, Holder } from "./channels.ts";
import type { FetchServer } from "./runtime.ts";

type Outcome = { ok: boolean; value: unknown };
export type WaitRequest =
  | { kind: "sleep" | "io" | "fetch" | "yield"; label: string; delayMs: number; outcome: Outcome; url?: string }
  | { kind: "join"; label: string; worker: unknown }
  | { kind: "recv"; label: string; handle: unknown };

/** About 11 days: long enough for any exercise, short enough to stay an exact double. */
const MAX_DELAY_MS = 1e9;

const FetchResponse = z.object({
  latencyMs: z.number().min(0).max(MAX_DELAY_MS),
  value: z.unknown().optional(),
  error: z.string().optional(),
});

function delay(name: string, ms: unknown): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0 || ms > MAX_DELAY_MS) {
    throw new TypeError(
      `${name}: the time must be a number of milliseconds between 0 and ${MAX_DELAY_MS}, got ${describe(ms)}`,
    );
  }
  return ms;
}

function text(name: string, value: unknown, max: number): string {
  if (typeof value !== "string") throw new TypeError(`${name} must be a string, got ${describe(value)}`);
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

const describe = (v: unknown) =>
  typeof v === "string" ? JSON.stringify(v.slice(0, 40)) : typeof v === "number" ? String(v) : typeof v;

/**
 * The arguments cross the isolate boundary as (kind, subject, latencyMs, value): subject is what
 * is waited on — sleep's ms, io's label, fetchData's url, the worker joined, the channel end
 * received from — and latencyMs and value are io()'s other two arguments.
 */
export function parseWait(
  kind: unknown,
  subject: unknown,
  latencyMs: unknown,
  value: unknown,
  context: { serve?: FetchServer; channels: Channels; holder: Holder },
): WaitRequest {
  switch (kind) {
    case "sleep": {
      const ms = delay("sleep(ms)", subject);
      return { kind, label: `sleep ${ms} ms`, delayMs: ms, outcome: { ok: true, value: undefined } };
    }
    case "io": {
      const label = text("io(label, latencyMs, value): label", subject, 60);
      const ms = delay("io(label, latencyMs, value)", latencyMs);
      return { kind, label: `io ${label} (${ms} ms)`, delayMs: ms, outcome: { ok: true, value } };
    }
    case "fetch": {
      const url = text("fetchData(url): url", subject, 200);
      return { kind, label: `fetchData ${url}`, url, ...answer(url, context.serve) };
    }
    case "yield":
      if (context.holder !== "main") break;
      return { kind, label: "yieldNow", delayMs: 0, outcome: { ok: true, value: undefined } };
    case "join":
      if (context.holder !== "main") break;
      return { kind, label: "join", worker: subject };
    case "recv":
      return { kind, label: "rx.recv()", handle: subject };
  }
  throw new TypeError("unknown wait");
}

function answer(url: string, serve: FetchServer | undefined): { delayMs: number; outcome: Outcome } {
  if (!serve)
    return {
      delayMs: 0,
      outcome: { ok: false, value: `fetchData(${JSON.stringify(url)}): this exercise has no server to fetch from` },
    };
  const response = FetchResponse.parse(serve(url));
  if (response.error !== undefined)
    return { delayMs: response.latencyMs, outcome: { ok: false, value: response.error } };
  return { delayMs: response.latencyMs, outcome: { ok: true, value: response.value } };
}

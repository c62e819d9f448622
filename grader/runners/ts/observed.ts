// Effects only real work produces, summed up from one call's host-side stats for the hidden
// tests: fetchData calls the fake server answered (per url, and how many were in flight at
// once), messages per holder, and what workers left in shared memory. All of it is what the
// host itself recorded; nothing here reads a value the student's code reported.
import type { Holder } from "./channels.ts";
import type { CallStats } from "./run-call.ts";
import { wroteRun } from "./shared-memory.ts";

export type FetchSummary = {
  /** Every fetchData call, started or finished. */
  calls: number;
  /** Calls per url. */
  perUrl: Map<string, number>;
  /** The most fetches whose waits were open at the same moment (on the call's clock). */
  maxInFlight: number;
  /** Calls per thread that made them ("main" or a worker's name). */
  perThread: Map<string, number>;
};

export function fetchesOf(stats: Pick<CallStats, "waits" | "virtualMs">): FetchSummary {
  const fetches = stats.waits.filter((w) => w.kind === "fetch");
  const perUrl = new Map<string, number>();
  const perThread = new Map<string, number>();
  for (const f of fetches) {
    if (f.url !== undefined) perUrl.set(f.url, (perUrl.get(f.url) ?? 0) + 1);
    perThread.set(f.thread, (perThread.get(f.thread) ?? 0) + 1);
  }
  // Ends sort before starts at the same instant: a fetch that starts as another ends did not overlap it.
  const edges = fetches.flatMap((f) => [
    { at: f.start, delta: 1 },
    { at: f.end ?? stats.virtualMs, delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let maxInFlight = 0;
  for (const e of edges) {
    open += e.delta;
    maxInFlight = Math.max(maxInFlight, open);
  }
  return { calls: fetches.length, perUrl, maxInFlight, perThread };
}

/** The urls of `wanted` that were never fetched. */
export function unfetched(summary: FetchSummary, wanted: readonly string[]): string[] {
  return wanted.filter((url) => !summary.perUrl.has(url));
}

export type MessageSummary = {
  sent: number;
  received: number;
  /** Messages per holder over every channel ("main" or a worker id). */
  sentBy: Map<Holder, number>;
  receivedBy: Map<Holder, number>;
};

export function messagesOf(stats: Pick<CallStats, "channels">): MessageSummary {
  const sentBy = new Map<Holder, number>();
  const receivedBy = new Map<Holder, number>();
  let sent = 0;
  let received = 0;
  for (const c of stats.channels) {
    sent += c.sent;
    received += c.received;
    for (const { holder, count } of c.sentBy) sentBy.set(holder, (sentBy.get(holder) ?? 0) + count);
    for (const { holder, count } of c.receivedBy) receivedBy.set(holder, (receivedBy.get(holder) ?? 0) + count);
  }
  return { sent, received, sentBy, receivedBy };
}

/** Workers (by name) whose shared arrays hold a view that `matches` accepts. */
export function workersHolding(
  stats: Pick<CallStats, "workerMemory">,
  matches: (view: CallStats["workerMemory"][number]["views"][number]) => boolean,
): string[] {
  return stats.workerMemory.filter((m) => m.views.some(matches)).map((m) => m.worker);
}

/**
 * Workers (by name) whose own run wrote `run` into their shared memory: it is there as the
 * worker left it, at a place that did not hold it when the worker started. A value the main
 * function wrote before the worker ran (or that an earlier worker left) is not that worker's,
 * and a worker that never started wrote nothing. `among`: only these workers count (e.g. the
 * ones that did the exercise's measured work; a decoy that waits while main writes does not).
 */
export function workersWriting(
  stats: Pick<CallStats, "workerMemory">,
  run: readonly number[],
  among?: ReadonlySet<string>,
): string[] {
  return stats.workerMemory
    .filter((m) => m.ran && (among === undefined || among.has(m.worker)))
    .filter((m) => m.views.some((v, i) => wroteRun(v, m.atStart[i], run)))
    .map((m) => m.worker);
}

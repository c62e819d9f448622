// Pure geometry and summaries for the task timeline: lanes per thread, spans packed into rows
// so overlapping tasks on one thread stay visible, and the overlap sentence students read first.
import type { Span } from "@/grader/contract";

export type PlacedSpan = Span & { row: number };
export type Lane = { thread: string; rows: number; spans: PlacedSpan[] };

/** One lane per thread in order of first appearance; within a lane, greedy interval packing. */
export function layoutLanes(spans: readonly Span[]): Lane[] {
  const byThread = new Map<string, Span[]>();
  for (const span of spans) {
    const list = byThread.get(span.thread) ?? [];
    list.push(span);
    byThread.set(span.thread, list);
  }
  return [...byThread].map(([thread, list]) => {
    const rowEnds: number[] = [];
    const placed = [...list]
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .map((span) => {
        let row = rowEnds.findIndex((end) => end <= span.start);
        if (row === -1) {
          row = rowEnds.length;
          rowEnds.push(span.end);
        } else {
          rowEnds[row] = span.end;
        }
        return { ...span, row };
      });
    return { thread, rows: Math.max(1, rowEnds.length), spans: placed };
  });
}

/** Length of the union of intervals: how long at least one of them was in progress. */
export function unionLength(intervals: ReadonlyArray<{ start: number; end: number }>): number {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = Number.NaN;
  let curEnd = Number.NaN;
  for (const { start, end } of sorted) {
    if (Number.isNaN(curStart) || start > curEnd) {
      if (!Number.isNaN(curStart)) total += curEnd - curStart;
      curStart = start;
      curEnd = end;
    } else {
      curEnd = Math.max(curEnd, end);
    }
  }
  if (!Number.isNaN(curStart)) total += curEnd - curStart;
  return total;
}

export type Summary = {
  /** Waits for timers, I/O and messages that could overlap; joins are left out (see `threads`). */
  waits: number;
  /** Sum of all wait lengths: what the waits would take one after another. */
  serialMs: number;
  /** Time during which at least one wait was pending. */
  overlappedMs: number;
  longestStall?: Span;
  /** Threads other than main that ran: their running time summed, and its union. */
  threads?: { count: number; busyMs: number; unionMs: number };
  /** Lock spans (Atomics.wait sleeps): how many waits they merge and their total length. */
  locks?: { threads: number; waits: number; ms: number };
};

/** The runner names a join wait "task › join worker 2": main waiting for a thread, not for I/O. */
const JOIN = / › join /;

export function summarize(spans: readonly Span[]): Summary {
  // Only waits that could have overlapped one another: zero-length ones (a yield) and a single
  // label repeated (one loop, e.g. a heartbeat sleeping 10 ms again and again) say nothing
  // about overlap, so with fewer than two labels the waits sentence is left out.
  const timed = spans.filter((s) => s.kind === "wait" && !JOIN.test(s.task) && s.end > s.start);
  const waits = new Set(timed.map((s) => s.task)).size >= 2 ? timed : [];
  const stalls = spans.filter((s) => s.kind === "blocked");
  const longestStall = stalls.reduce<Span | undefined>(
    (a, b) => (!a || b.end - b.start > a.end - a.start ? b : a),
    undefined,
  );
  const runs = spans.filter((s) => s.kind === "run" && s.thread !== "main");
  const runThreads = new Set(runs.map((s) => s.thread)).size;
  const locks = spans.filter((s) => s.kind === "lock");
  return {
    waits: waits.length,
    serialMs: sumLength(waits),
    overlappedMs: unionLength(waits),
    longestStall,
    ...(runThreads >= 2 ? { threads: { count: runThreads, busyMs: sumLength(runs), unionMs: unionLength(runs) } } : {}),
    ...(locks.length > 0
      ? {
          locks: {
            threads: new Set(locks.map((s) => s.thread)).size,
            waits: locks.reduce((n, s) => n + Number(/×(\d+)/.exec(s.task)?.[1] ?? 1), 0),
            ms: sumLength(locks),
          },
        }
      : {}),
  };
}

const sumLength = (spans: readonly Span[]) => spans.reduce((sum, s) => sum + (s.end - s.start), 0);

/** Chrome Trace Event JSON (opens in Perfetto / chrome://tracing): one tid per thread, µs. */
export function toChromeTrace(spans: readonly Span[], testName: string): string {
  const lanes = layoutLanes(spans);
  const tid = new Map(lanes.map((lane, i) => [lane.thread, i + 1]));
  const events = [
    { name: "process_name", ph: "M", pid: 1, tid: 0, args: { name: testName } },
    ...lanes.map((lane) => ({
      name: "thread_name",
      ph: "M",
      pid: 1,
      tid: tid.get(lane.thread),
      args: { name: lane.thread },
    })),
    ...spans.map((s) => ({
      name: s.task,
      cat: s.kind,
      ph: "X",
      pid: 1,
      tid: tid.get(s.thread),
      ts: Math.round(s.start * 1000),
      dur: Math.max(1, Math.round((s.end - s.start) * 1000)),
    })),
  ];
  return JSON.stringify({ traceEvents: events, displayTimeUnit: "ms" });
}

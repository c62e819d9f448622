import { describe, expect, it } from "vitest";
import type { Span } from "@/grader/contract";
import { layoutLanes, summarize, toChromeTrace, unionLength } from "./layout";

const span = (task: string, thread: string, kind: Span["kind"], start: number, end: number): Span => ({
  task,
  thread,
  kind,
  start,
  end,
});

describe("timeline layout", () => {
  it("gives each thread one lane and stacks overlapping spans of that thread into rows", () => {
    const lanes = layoutLanes([
      span("a", "main", "wait", 0, 100),
      span("b", "main", "wait", 0, 100),
      span("c", "main", "wait", 0, 100),
      span("w", "worker 1", "run", 5, 50),
      span("d", "main", "run", 100, 101),
    ]);
    expect(lanes.map((l) => [l.thread, l.rows])).toEqual([
      ["main", 3],
      ["worker 1", 1],
    ]);
    const rows = lanes[0]?.spans.map((s) => `${s.task}:${s.row}`);
    expect(rows).toEqual(["a:0", "b:1", "c:2", "d:0"]);
  });

  it("measures the union of waits, so overlapped fetches read 100 ms and sequential ones 300", () => {
    expect(
      unionLength([
        { start: 0, end: 100 },
        { start: 0, end: 100 },
        { start: 0, end: 100 },
      ]),
    ).toBe(100);
    expect(
      unionLength([
        { start: 0, end: 100 },
        { start: 100, end: 200 },
        { start: 200, end: 300 },
      ]),
    ).toBe(300);
    expect(
      unionLength([
        { start: 0, end: 50 },
        { start: 25, end: 75 },
        { start: 200, end: 210 },
      ]),
    ).toBe(85);
    const seq = summarize([span("a", "main", "wait", 0, 100), span("b", "main", "wait", 100, 200)]);
    expect(seq).toMatchObject({ waits: 2, serialMs: 200, overlappedMs: 200 });
  });

  it("leaves out yields and one repeated wait (a heartbeat loop): they say nothing about overlap", () => {
    const heartbeat = [0, 10, 20].map((t) => span("heartbeat", "main", "wait", t, t + 10));
    const yields = [5, 15].map((t) => span("handleLogin › yieldNow", "main", "wait", t, t));
    expect(summarize([...heartbeat, ...yields])).toMatchObject({ waits: 0, serialMs: 0 });
    expect(summarize([...heartbeat, span("fetch /a", "main", "wait", 0, 30)])).toMatchObject({
      waits: 4,
      serialMs: 60,
      overlappedMs: 30,
    });
  });

  it("leaves joins out of the waits sentence, and sums thread time and lock waits", () => {
    const s = summarize([
      span("main › join worker 1", "main", "wait", 0, 100),
      span("main › join worker 2", "main", "wait", 100, 101),
      span("worker 1", "worker 1", "run", 0, 100),
      span("worker 2", "worker 2", "run", 0, 100),
      span("worker 2 › Atomics.wait ×12", "worker 2", "lock", 10, 30),
      span("worker 2 › Atomics.wait", "worker 2", "lock", 40, 45),
    ]);
    expect(s).toMatchObject({
      waits: 0,
      threads: { count: 2, busyMs: 200, unionMs: 100 },
      locks: { threads: 1, waits: 13, ms: 25 },
    });
    expect(summarize([span("w", "worker 1", "run", 0, 10)]).threads).toBeUndefined();
  });

  it("finds the longest stall", () => {
    const s = summarize([span("x", "main", "blocked", 0, 30), span("y", "main", "blocked", 40, 400)]);
    expect(s.longestStall?.task).toBe("y");
  });

  it("exports Chrome trace events with one tid per thread, in microseconds", () => {
    const trace = JSON.parse(
      toChromeTrace([span("a", "main", "run", 0, 1.5), span("b", "worker 1", "run", 1, 2)], "t"),
    ) as {
      traceEvents: Array<{ ph: string; tid: number; ts?: number; dur?: number; name: string }>;
    };
    const complete = trace.traceEvents.filter((e) => e.ph === "X");
    expect(complete.map((e) => [e.name, e.tid, e.ts, e.dur])).toEqual([
      ["a", 1, 0, 1500],
      ["b", 2, 1000, 1000],
    ]);
  });
});

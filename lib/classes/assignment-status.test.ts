import { describe, expect, it } from "vitest";
import { assignmentResult, NO_WORK } from "./assignment-status.ts";

const now = new Date("2026-03-10T12:00:00Z");
const due = new Date("2026-03-05T00:00:00Z");

describe("assignmentResult", () => {
  it("names the status from the work", () => {
    expect(assignmentResult({ kind: "exercise", dueAt: null, work: NO_WORK, now }).status).toBe("not_started");
    expect(
      assignmentResult({ kind: "exercise", dueAt: null, work: { attempts: 2, best: 0.5, doneAt: null }, now }).status,
    ).toBe("attempted");
    expect(
      assignmentResult({ kind: "exercise", dueAt: null, work: { attempts: 2, best: 1, doneAt: now }, now }).status,
    ).toBe("passed");
    expect(
      assignmentResult({ kind: "quiz", dueAt: null, work: { attempts: 1, best: 0.4, doneAt: now }, now }).status,
    ).toBe("submitted");
  });

  it("is late when done after the due date, or not done once it passed", () => {
    const late = (doneAt: Date | null, dueAt: Date | null, at = now) =>
      assignmentResult({ kind: "exercise", dueAt, work: { attempts: 1, best: doneAt ? 1 : 0, doneAt }, now: at }).late;
    expect(late(new Date("2026-03-04T00:00:00Z"), due)).toBe(false);
    expect(late(new Date("2026-03-06T00:00:00Z"), due)).toBe(true);
    expect(late(null, due)).toBe(true);
    expect(late(null, due, new Date("2026-03-01T00:00:00Z"))).toBe(false);
    expect(late(null, null)).toBe(false);
  });
});

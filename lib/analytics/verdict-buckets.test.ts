import { describe, expect, it } from "vitest";
import { bucketOf, exerciseOutcome, type AttemptRow, type RunVerdict } from "./verdict-buckets";

const done = (status: string, reason: string | null = null, diagnosticCode: string | null = null): RunVerdict => ({
  state: "done",
  status,
  reason,
  diagnosticCode,
});
let n = 0;
const at = (userId: string, minute: number, run: RunVerdict | null): AttemptRow => ({
  submissionId: `sub-${++n}`,
  userId,
  createdAt: new Date(Date.UTC(2026, 10, 22, 8, minute)),
  run,
});

describe("bucketOf", () => {
  it("names pass, each reason, compile errors by code, and ungraded runs", () => {
    expect(bucketOf(done("pass")).key).toBe("pass");
    expect(bucketOf(done("fail", "lost_updates"))).toEqual({
      key: "lost_updates",
      kind: "fail",
      reason: "lost_updates",
      code: null,
    });
    expect(bucketOf(done("error", "compile_error", "E0277"))).toEqual({
      key: "compile_error E0277",
      kind: "error",
      reason: "compile_error",
      code: "E0277",
    });
    expect(bucketOf(done("error", "compile_error")).key).toBe("compile_error");
    // A code on a non-compile error is not a split key.
    expect(bucketOf(done("error", "timeout", "E0277")).key).toBe("timeout");
    expect(bucketOf({ state: "running", status: null, reason: null, diagnosticCode: null }).key).toBe("pending");
    expect(bucketOf(null).kind).toBe("pending");
  });
});

describe("exerciseOutcome", () => {
  // a: E0277, lost_updates, pass (3 attempts to pass)
  // b: pass at once (1), then lost_updates afterwards (still passed)
  // c: E0277, E0382 — stuck
  // d: never tried; x: not a member (ignored)
  const attempts = [
    at("a", 1, done("error", "compile_error", "E0277")),
    at("a", 2, done("fail", "lost_updates")),
    at("a", 3, done("pass")),
    at("b", 5, done("fail", "lost_updates")),
    at("b", 4, done("pass")),
    at("c", 1, done("error", "compile_error", "E0277")),
    at("c", 2, done("error", "compile_error", "E0382")),
    at("c", 3, { state: "queued", status: null, reason: null, diagnosticCode: null }),
    at("x", 1, done("pass")),
  ];
  const outcome = exerciseOutcome({ studentIds: ["a", "b", "c", "d"], attempts });

  it("counts submissions and students per bucket, passes first", () => {
    expect(outcome.buckets.map((b) => [b.key, b.submissions, b.students.length])).toEqual([
      ["pass", 2, 2],
      ["lost_updates", 2, 2],
      ["compile_error E0277", 2, 2],
      ["compile_error E0382", 1, 1],
      ["pending", 1, 1],
    ]);
    const e0277 = outcome.buckets.find((b) => b.key === "compile_error E0277");
    expect(e0277?.students).toEqual([
      { userId: "a", submissions: 1, passed: true },
      { userId: "c", submissions: 1, passed: false },
    ]);
  });

  it("computes passed / stuck / not started and the median attempts to pass", () => {
    expect(outcome).toMatchObject({ submissions: 8, students: 4, attempted: 3, passed: 2, stuck: 1, notStarted: 1 });
    // a passed on attempt 3, b on attempt 1 (ordered by time, not by input order) → median 2
    expect(outcome.attemptsToPass).toEqual([1, 3]);
    expect(outcome.medianAttemptsToPass).toBe(2);
  });

  it("has no median when nobody passed", () => {
    const none = exerciseOutcome({ studentIds: ["c"], attempts: attempts.filter((a) => a.userId === "c") });
    expect([none.passed, none.stuck, none.medianAttemptsToPass]).toEqual([0, 1, null]);
  });
});

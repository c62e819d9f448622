// Analytics and a student's work against real Postgres: the numbers come from each
// submission's latest run and only from current members, and only the class's teacher (or an
// admin) gets anything — everyone else gets an error that carries no data.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getClassAnalytics } from "@/lib/analytics/get-class-analytics";
import { getExerciseAnalytics } from "@/lib/analytics/get-exercise-analytics";
import { listStudentAttempts } from "@/lib/analytics/list-student-attempts";
import { listStudentExercises } from "@/lib/analytics/list-student-exercises";
import type { Viewer } from "@/lib/auth/viewer";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRegradeProgress } from "@/lib/regrade/get-regrade-progress";
import { startRegrade } from "@/lib/regrade/start-regrade";
import type { GradeResult } from "../../grader/contract.ts";
import { createExercise, createUser, failResult, passResult, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

const viewer = (id: string, role: string, isAnonymous = false): Viewer => ({ id, role, isAnonymous });

function compileError(code: string): GradeResult {
  return {
    ...passResult(),
    status: "error",
    reason: "compile_error",
    message: "The code does not compile.",
    score: 0,
    tests: [],
    diagnostics: [
      {
        severity: "error",
        code,
        message: "`Rc<Vec<u64>>` cannot be sent between threads safely",
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 9,
      },
    ],
  };
}

async function submit(userId: string, exerciseId: string, code: string, result: GradeResult, minute: number) {
  const at = new Date(Date.UTC(2026, 10, 20, 9, minute));
  await db.submission.create({
    data: {
      userId,
      exerciseId,
      language: "rust",
      code,
      createdAt: at,
      gradingRuns: {
        create: {
          state: "done",
          status: result.status,
          reason: result.reason ?? null,
          score: result.score,
          result: z.json().parse(result) ?? {},
          createdAt: at,
        },
      },
    },
  });
}

let teacherId: string,
  otherTeacherId: string,
  adminId: string,
  aliceId: string,
  bobId: string,
  carolId: string,
  outsiderId: string;
let classId: string;
let exercise: { id: string; trackSlug: string };
let second: { id: string; trackSlug: string };

beforeAll(async () => {
  teacherId = await createUser("Teacher");
  otherTeacherId = await createUser("Other teacher");
  adminId = await createUser("Admin");
  aliceId = await createUser("Alice");
  bobId = await createUser("Bob");
  carolId = await createUser("Carol");
  outsiderId = await createUser("Outsider");
  classId = (
    await db.class.create({ data: { name: "Rights", ownerId: teacherId, joinCode: randomUUID().slice(0, 8) } })
  ).id;
  await db.classMember.createMany({ data: [aliceId, bobId, carolId].map((userId) => ({ classId, userId })) });
  [exercise, second] = await Promise.all([createExercise(), createExercise()]);
  await db.assignment.createMany({
    data: [
      { classId, kind: "exercise", exerciseId: exercise.id, position: 0 },
      { classId, kind: "exercise", exerciseId: second.id, position: 1 },
    ],
  });
  // exercise: Alice E0277 → lost_updates → pass (3 attempts); Bob E0277 twice; Carol nothing.
  await submit(aliceId, exercise.id, "fn a() {}\n", compileError("E0277"), 1);
  await submit(aliceId, exercise.id, "fn a() { x }\n", failResult(), 2);
  await submit(aliceId, exercise.id, "fn a() { y }\n", passResult(), 3);
  await submit(bobId, exercise.id, "fn b() {}\n", compileError("E0277"), 4);
  await submit(bobId, exercise.id, "fn b() { 1 }\n", compileError("E0277"), 5);
  // second: Alice 0.5, Bob 1, Carol nothing.
  await submit(aliceId, second.id, "x\n", failResult(), 6);
  await submit(bobId, second.id, "y\n", passResult(), 7);
  // The outsider's work never counts.
  await submit(outsiderId, exercise.id, "SECRET OUTSIDER CODE\n", passResult(), 8);
});

async function denial(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  // The message must not carry the class's data.
  expect(error.message).not.toMatch(/Alice|Bob|SECRET|fn a/);
  return { code: error.code, message: error.message };
}

describe("analytics numbers", () => {
  it("buckets each submission's latest run, splits compile errors by code, and counts members only", async () => {
    const data = await getExerciseAnalytics({
      viewer: viewer(teacherId, "teacher"),
      classId,
      trackSlug: exercise.trackSlug,
    });
    expect(data?.outcome.buckets.map((b) => [b.key, b.submissions, b.students.map((s) => s.userId)])).toEqual([
      ["pass", 1, [aliceId]],
      ["lost_updates", 1, [aliceId]],
      // Bob hit it twice, Alice once: most affected first.
      ["compile_error E0277", 3, [bobId, aliceId]],
    ]);
    expect(data?.outcome).toMatchObject({
      students: 3,
      attempted: 2,
      passed: 1,
      stuck: 1,
      notStarted: 1,
      medianAttemptsToPass: 3,
    });
  });

  it("computes mean best score and discrimination per assignment", async () => {
    const data = await getClassAnalytics({ viewer: viewer(teacherId, "teacher"), classId });
    // exercise best: Alice 1, Bob 0, Carol 0 → mean 1/3; second: Alice .5, Bob 1, Carol 0 → mean .5
    const [first, other] = data.assignments;
    expect(first?.stats.meanScore).toBeCloseTo(1 / 3, 9);
    expect(other?.stats.meanScore).toBeCloseTo(0.5, 9);
    expect([first?.stats.attempted, first?.passed, other?.stats.attempted, other?.passed]).toEqual([2, 1, 2, 1]);
    // x = 1,0,0 (mean 1/3), y = .5,1,0 (mean .5): sxy = (2/3)(0) + (-1/3)(.5) + (-1/3)(-.5) = 0 → r = 0
    expect(first?.stats.discrimination).toBeCloseTo(0, 9);
  });
});

describe("who may look", () => {
  const cases: Array<[string, () => Viewer | null, string]> = [
    ["anonymous visitor", () => null, "unauthorized"],
    ["anonymous session", () => viewer(aliceId, "student", true), "unauthorized"],
    ["student of the class", () => viewer(aliceId, "student"), "forbidden"],
    ["teacher of another class", () => viewer(otherTeacherId, "teacher"), "not_found"],
  ];

  for (const [who, as, code] of cases) {
    it(`refuses a ${who} everywhere with ${code}`, async () => {
      const v = as();
      expect((await denial(getClassAnalytics({ viewer: v, classId }))).code).toBe(code);
      expect((await denial(getExerciseAnalytics({ viewer: v, classId, trackSlug: exercise.trackSlug }))).code).toBe(
        code,
      );
      expect(
        (await denial(listStudentAttempts({ viewer: v, classId, userId: aliceId, trackSlug: exercise.trackSlug })))
          .code,
      ).toBe(code);
      expect((await denial(listStudentExercises({ viewer: v, classId, userId: aliceId }))).code).toBe(code);
      expect((await denial(getRegradeProgress({ viewer: v, classId, regradeId: randomUUID() }))).code).toBe(code);
      expect((await denial(startRegrade({ viewer: v, classId, trackSlug: exercise.trackSlug }))).code).toBe(code);
    });
  }

  it("hides a non-member's work even from the class's teacher", async () => {
    const teacher = viewer(teacherId, "teacher");
    const refused = await denial(
      listStudentAttempts({ viewer: teacher, classId, userId: outsiderId, trackSlug: exercise.trackSlug }),
    );
    expect(refused.code).toBe("not_found");
    expect((await denial(listStudentExercises({ viewer: teacher, classId, userId: outsiderId }))).code).toBe(
      "not_found",
    );
    const unknown = await denial(
      listStudentAttempts({ viewer: teacher, classId, userId: "no-such-user", trackSlug: exercise.trackSlug }),
    );
    expect(unknown.code).toBe("not_found");
    expect((await denial(getClassAnalytics({ viewer: teacher, classId: "not-a-uuid" }))).code).toBe("not_found");
  });

  it("shows the teacher (and an admin) a member's attempts newest first, with diffs and nothing else", async () => {
    for (const v of [viewer(teacherId, "teacher"), viewer(adminId, "admin")]) {
      const work = await listStudentAttempts({ viewer: v, classId, userId: aliceId, trackSlug: exercise.trackSlug });
      expect(work?.attempts.map((a) => [a.number, a.run?.result?.status, a.code])).toEqual([
        [3, "pass", "fn a() { y }\n"],
        [2, "fail", "fn a() { x }\n"],
        [1, "error", "fn a() {}\n"],
      ]);
      expect(work?.attempts[0]?.diff).toMatchObject({ added: 1, removed: 1 });
      expect(work?.attempts[2]?.diff).toBeNull();
      expect(Object.keys(work ?? {}).sort()).toEqual(["attempts", "exercise", "student", "total"]);
      expect(Object.keys(work?.exercise ?? {}).sort()).toEqual(["language", "title", "trackSlug"]);
      const overview = await listStudentExercises({ viewer: v, classId, userId: aliceId });
      expect(overview?.exercises.map((e) => [e.trackSlug, e.attempts, e.passed, e.last.status])).toEqual([
        [exercise.trackSlug, 3, true, "pass"],
        [second.trackSlug, 1, false, "fail"],
      ]);
    }
  });
});

// Regrade against real Postgres: a teacher's regrade adds one new run + one "grade" job per
// submission of the class's students, keeps the old runs, and every view then shows the
// latest run. Only the class's teacher may start or watch it; denied answers carry no data.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/classes/[classId]/regrades/route";
import { GET } from "@/app/api/classes/[classId]/regrades/[regradeId]/route";
import { getExerciseAnalytics } from "@/lib/analytics/get-exercise-analytics";
import { listStudentAttempts } from "@/lib/analytics/list-student-attempts";
import { db, disconnectDb } from "@/lib/db";
import { storeGradeResult } from "@/lib/grading/store-grade-result";
import { startRegrade } from "@/lib/regrade/start-regrade";
import { createSubmission } from "@/lib/submissions/create-submission";
import { callRoute, createPerson, type Person } from "./support/classes-fixtures.ts";
import { createExercise, failResult, passResult, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

type JobRow = { gradingRunId: string; priority: number; identifier: string };
async function jobsFor(runIds: string[]): Promise<JobRow[]> {
  return db.$queryRaw<JobRow[]>`SELECT j.payload->>'gradingRunId' AS "gradingRunId", j.priority, t.identifier
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.payload->>'gradingRunId' = ANY(${runIds})`;
}

/** A class with `members` that assigns the exercise (only assigned work can be regraded). */
async function makeClass(owner: Person, members: Person[], assign = true): Promise<string> {
  const created = await db.class.create({
    data: { name: "Concurrency 101", ownerId: owner.id, joinCode: randomUUID().slice(0, 8).toUpperCase() },
  });
  await db.classMember.createMany({ data: members.map((m) => ({ classId: created.id, userId: m.id })) });
  if (assign) await db.assignment.create({ data: { classId: created.id, kind: "exercise", exerciseId: exercise.id } });
  return created.id;
}

async function submitGraded(userId: string, slug: string, code: string) {
  const created = await createSubmission({ userId, trackSlug: slug, code });
  await storeGradeResult({ gradingRunId: created.gradingRunId, result: failResult() });
  return created;
}

let teacher: Person, otherTeacher: Person, alice: Person, bob: Person, outsider: Person, anonymous: Person;
let classId: string;
let exercise: { id: string; trackSlug: string };
let originals: Array<{ submissionId: string; gradingRunId: string }>;
let outsiderSubmission: { submissionId: string; gradingRunId: string };

beforeAll(async () => {
  [teacher, otherTeacher, alice, bob, outsider, anonymous] = await Promise.all([
    createPerson("teacher"),
    createPerson("teacher"),
    createPerson("student", "Alice"),
    createPerson("student", "Bob"),
    createPerson("student", "Outsider"),
    createPerson("anonymous"),
  ]);
  exercise = await createExercise();
  classId = await makeClass(teacher, [alice, bob]);
  originals = [
    await submitGraded(alice.id, exercise.trackSlug, "export const v = 1;\n"),
    await submitGraded(alice.id, exercise.trackSlug, "export const v = 2;\n"),
    await submitGraded(bob.id, exercise.trackSlug, "export const v = 3;\n"),
  ];
  outsiderSubmission = await submitGraded(outsider.id, exercise.trackSlug, "export const v = 4;\n");
});

describe("regrade", () => {
  const path = () => `/api/classes/${classId}/regrades`;

  it("refuses everyone but the class's teacher, with no data in the answer", async () => {
    const cases: Array<[Person | null, number]> = [
      [null, 401],
      [anonymous, 401],
      [alice, 403],
      [otherTeacher, 404],
    ];
    for (const [as, status] of cases) {
      const res = await callRoute(POST, {
        method: "POST",
        path: path(),
        as,
        params: { classId },
        body: { exerciseId: exercise.trackSlug },
      });
      expect(res.status, `as ${as?.name ?? "nobody"}`).toBe(status);
      expect(Object.keys(JSON.parse(res.text))).toEqual(["error"]);
      expect(res.text).not.toContain(exercise.trackSlug);
    }
    expect(await db.regrade.count({ where: { classId } })).toBe(0);
    expect(await db.gradingRun.count({ where: { submission: { exerciseId: exercise.id } } })).toBe(4);
  });

  it("adds one new run and one job per class submission, keeping the old runs", async () => {
    const res = await callRoute(POST, {
      method: "POST",
      path: path(),
      as: teacher,
      params: { classId },
      body: { exerciseId: exercise.trackSlug },
    });
    expect(res.status).toBe(201);
    const { regradeId, total } = JSON.parse(res.text) as { regradeId: string; total: number };
    expect(total).toBe(3);
    expect(await db.regrade.findUniqueOrThrow({ where: { id: regradeId } })).toMatchObject({
      classId,
      exerciseId: exercise.id,
      requestedById: teacher.id,
      total: 3,
    });

    const newRuns = await db.gradingRun.findMany({ where: { regradeId } });
    expect(newRuns.map((r) => r.submissionId).sort()).toEqual(originals.map((o) => o.submissionId).sort());
    expect(newRuns.every((r) => r.state === "queued" && r.result === null)).toBe(true);
    const jobs = await jobsFor(newRuns.map((r) => r.id));
    expect(jobs).toHaveLength(3);
    expect(jobs.every((j) => j.identifier === "grade" && j.priority === 10)).toBe(true);

    // Old runs intact; the non-member's submission untouched.
    for (const o of originals) {
      const old = await db.gradingRun.findUniqueOrThrow({ where: { id: o.gradingRunId } });
      expect(old).toMatchObject({ state: "done", status: "fail", reason: "lost_updates", regradeId: null });
    }
    expect(await db.gradingRun.count({ where: { submissionId: outsiderSubmission.submissionId } })).toBe(1);

    // While the new runs wait, the views show them (the latest run), not the old verdict.
    const pending = await getExerciseAnalytics({ viewer: teacher.viewer, classId, trackSlug: exercise.trackSlug });
    expect(pending?.outcome.buckets.map((b) => [b.key, b.submissions])).toEqual([["pending", 3]]);

    // A second click while it runs is refused.
    const again = await callRoute(POST, {
      method: "POST",
      path: path(),
      as: teacher,
      params: { classId },
      body: { exerciseId: exercise.trackSlug },
    });
    expect(again.status).toBe(409);

    // Progress: 0/3, then the runs finish (one passes) and the latest run is what counts.
    const progressPath = `${path()}/${regradeId}`;
    const before = await callRoute(GET, {
      method: "GET",
      path: progressPath,
      as: teacher,
      params: { classId, regradeId },
    });
    expect(JSON.parse(before.text)).toMatchObject({ total: 3, queued: 3, done: 0, finished: false });

    const bobRun = newRuns.find((r) => r.submissionId === originals[2]?.submissionId);
    for (const run of newRuns) {
      await storeGradeResult({ gradingRunId: run.id, result: run.id === bobRun?.id ? passResult() : failResult() });
    }
    const after = await callRoute(GET, {
      method: "GET",
      path: progressPath,
      as: teacher,
      params: { classId, regradeId },
    });
    expect(JSON.parse(after.text)).toMatchObject({
      total: 3,
      done: 3,
      statuses: { pass: 1, fail: 2, error: 0 },
      finished: true,
    });

    const analytics = await getExerciseAnalytics({ viewer: teacher.viewer, classId, trackSlug: exercise.trackSlug });
    expect(analytics?.outcome.buckets.map((b) => [b.key, b.submissions])).toEqual([
      ["pass", 1],
      ["lost_updates", 2],
    ]);
    expect(analytics?.outcome).toMatchObject({ passed: 1, stuck: 1, medianAttemptsToPass: 1 });

    const work = await listStudentAttempts({
      viewer: teacher.viewer,
      classId,
      userId: bob.id,
      trackSlug: exercise.trackSlug,
    });
    expect(work?.attempts[0]).toMatchObject({
      runCount: 2,
      run: { id: bobRun?.id, regraded: true, result: { status: "pass" } },
    });

    // Watching the progress is the teacher's only.
    for (const [as, status] of [
      [null, 401],
      [alice, 403],
      [otherTeacher, 404],
    ] as const) {
      const denied = await callRoute(GET, { method: "GET", path: progressPath, as, params: { classId, regradeId } });
      expect(denied.status).toBe(status);
      expect(Object.keys(JSON.parse(denied.text))).toEqual(["error"]);
    }
  });

  it("hides another class's regrade behind 404 and writes batches of any size", async () => {
    const otherClass = await makeClass(otherTeacher, [bob]);
    const { regradeId, total } = await startRegrade({
      viewer: otherTeacher.viewer,
      classId: otherClass,
      trackSlug: exercise.trackSlug,
      batchSize: 1,
    });
    expect(total).toBe(1);
    expect(await db.gradingRun.count({ where: { regradeId } })).toBe(1);
    // The regrade exists, but not in the first teacher's class.
    const res = await callRoute(GET, {
      method: "GET",
      path: `/api/classes/${classId}/regrades/${regradeId}`,
      as: teacher,
      params: { classId, regradeId },
    });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(exercise.trackSlug);
  });

  it("keeps whole batches when a later batch fails, and the total says what was queued", async () => {
    const third = await createPerson("teacher");
    const thirdClass = await makeClass(third, [alice, bob]);
    // The second regrade job insert fails, inside that batch's transaction.
    await db.$executeRawUnsafe(`CREATE SEQUENCE regrade_fail_seq`);
    await db.$executeRawUnsafe(`CREATE FUNCTION regrade_fail_second() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('regrade_fail_seq') > 1 THEN RAISE EXCEPTION 'queue is broken'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER regrade_fail BEFORE INSERT ON graphile_worker._private_jobs
      FOR EACH ROW WHEN (NEW.priority = 10) EXECUTE FUNCTION regrade_fail_second()`);
    try {
      const error = await startRegrade({
        viewer: third.viewer,
        classId: thirdClass,
        trackSlug: exercise.trackSlug,
        batchSize: 1,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(String(error)).toMatch(/stopped after queueing 1 of 3/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER regrade_fail ON graphile_worker._private_jobs`);
      await db.$executeRawUnsafe(`DROP FUNCTION regrade_fail_second()`);
      await db.$executeRawUnsafe(`DROP SEQUENCE regrade_fail_seq`);
    }
    const regrade = await db.regrade.findFirstOrThrow({ where: { classId: thirdClass } });
    expect(regrade.total).toBe(1);
    const runs = await db.gradingRun.findMany({ where: { regradeId: regrade.id } });
    expect(runs).toHaveLength(1);
    expect(await jobsFor(runs.map((r) => r.id))).toHaveLength(1);
  });

  it("refuses to regrade an exercise the class did not assign: that work is not the teacher's to see", async () => {
    const unassigned = await makeClass(otherTeacher, [alice, bob], false);
    const res = await callRoute(POST, {
      method: "POST",
      path: path(),
      as: otherTeacher,
      params: { classId: unassigned },
      body: { exerciseId: exercise.trackSlug },
    });
    expect(res.status).toBe(404);
    expect(await db.regrade.count({ where: { classId: unassigned } })).toBe(0);
  });

  it("answers 400 for a bad body and 404 for an unknown exercise", async () => {
    const bad = await callRoute(POST, {
      method: "POST",
      path: path(),
      as: teacher,
      params: { classId },
      body: { nope: 1 },
    });
    expect(bad.status).toBe(400);
    const unknown = await callRoute(POST, {
      method: "POST",
      path: path(),
      as: teacher,
      params: { classId },
      body: { exerciseId: "ts/nope" },
    });
    expect(unknown.status).toBe(404);
  });
});

// Submissions and drafts against real Postgres: one transaction for submission + run + job,
// ownership on reads, and the code rules at the boundary.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getDraft } from "@/lib/drafts/get-draft";
import { saveDraft } from "@/lib/drafts/save-draft";
import { storeGradeResult } from "@/lib/grading/store-grade-result";
import { createSubmission } from "@/lib/submissions/create-submission";
import { getSubmission } from "@/lib/submissions/get-submission";
import { listSubmissions } from "@/lib/submissions/list-submissions";
import { createExercise, createUser, failResult, passResult, rejection, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

type JobRow = { task_identifier: string; payload: unknown; max_attempts: number };
async function jobsFor(gradingRunId: string): Promise<JobRow[]> {
  // The public jobs view hides payloads; the private table is graphile-worker's storage.
  return db.$queryRaw<JobRow[]>`SELECT t.identifier AS task_identifier, j.payload, j.max_attempts
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.payload->>'gradingRunId' = ${gradingRunId}`;
}

describe("createSubmission", () => {
  it("creates the submission, its queued first run and one grade job together", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    const { submissionId, gradingRunId } = await createSubmission({
      userId,
      trackSlug: exercise.trackSlug,
      code: "export const x = 1;\n",
    });

    const run = await db.gradingRun.findUniqueOrThrow({ where: { id: gradingRunId }, include: { submission: true } });
    expect(run).toMatchObject({ submissionId, state: "queued", attempts: 0, result: null });
    expect(run.submission).toMatchObject({
      userId,
      exerciseId: exercise.id,
      language: "typescript",
      code: "export const x = 1;\n",
    });
    expect(await jobsFor(gradingRunId)).toEqual([
      { task_identifier: "grade", payload: { gradingRunId }, max_attempts: 3 },
    ]);
  });

  it("leaves no submission and no run when the job insert fails", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    // Make graphile-worker's own insert fail, inside the same transaction as ours.
    await db.$executeRawUnsafe(`CREATE FUNCTION pg_temp_fail_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'queue is broken'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_job BEFORE INSERT ON graphile_worker._private_jobs
      FOR EACH ROW EXECUTE FUNCTION pg_temp_fail_job()`);
    try {
      await expect(createSubmission({ userId, trackSlug: exercise.trackSlug, code: "export {};\n" })).rejects.toThrow(
        /queue is broken/,
      );
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_job ON graphile_worker._private_jobs`);
      await db.$executeRawUnsafe(`DROP FUNCTION pg_temp_fail_job()`);
    }
    expect(await db.submission.count({ where: { userId } })).toBe(0);
    expect(await db.gradingRun.count({ where: { submission: { userId } } })).toBe(0);
  });

  it("refuses unknown and archived exercises and bad code, writing nothing", async () => {
    const userId = await createUser();
    const archived = await createExercise({ archived: true });
    const live = await createExercise();
    expect((await rejection(createSubmission({ userId, trackSlug: "ts/nope", code: "x" }))).code).toBe("not_found");
    expect((await rejection(createSubmission({ userId, trackSlug: archived.trackSlug, code: "x" }))).code).toBe(
      "not_found",
    );
    expect((await rejection(createSubmission({ userId, trackSlug: live.trackSlug, code: "  \n" }))).message).toMatch(
      /empty/,
    );
    const big = await rejection(createSubmission({ userId, trackSlug: live.trackSlug, code: "é".repeat(40_000) }));
    expect([big.code, big.message]).toEqual(["too_large", expect.stringMatching(/80000 bytes; the limit is 65536/)]);
    const nul = await rejection(
      createSubmission({ userId, trackSlug: live.trackSlug, code: "let a = 1;\nlet b\u0000;" }),
    );
    expect([nul.code, nul.message]).toEqual(["bad_request", expect.stringMatching(/U\+0000 on line 2/)]);
    expect((await rejection(createSubmission({ userId, trackSlug: live.trackSlug, code: "x\uD800" }))).code).toBe(
      "bad_request",
    );
    expect(await db.submission.count({ where: { userId } })).toBe(0);
  });
});

describe("getSubmission / listSubmissions", () => {
  it("shows a submission and its re-parsed result to its owner only", async () => {
    const [owner, other, exercise] = await Promise.all([createUser(), createUser(), createExercise()]);
    const { submissionId, gradingRunId } = await createSubmission({
      userId: owner,
      trackSlug: exercise.trackSlug,
      code: "a\n",
    });

    const queued = await getSubmission({ userId: owner, submissionId });
    expect(queued).toMatchObject({
      id: submissionId,
      trackSlug: exercise.trackSlug,
      code: "a\n",
      run: { id: gradingRunId, state: "queued", result: null },
    });
    expect(await getSubmission({ userId: other, submissionId })).toBeNull();
    expect(await getSubmission({ userId: owner, submissionId: "not-a-uuid" })).toBeNull();

    await storeGradeResult({ gradingRunId, result: failResult() });
    expect((await getSubmission({ userId: owner, submissionId }))?.run).toEqual({
      id: gradingRunId,
      state: "done",
      result: failResult(),
    });

    // A stored result that no longer fits the contract is reported, not shown.
    await db.gradingRun.update({ where: { id: gradingRunId }, data: { result: { version: 2 } } });
    await expect(getSubmission({ userId: owner, submissionId })).rejects.toThrow(/does not match GradeResult v1/);
  });

  it("lists the owner's submissions for one exercise, newest first, with each verdict", async () => {
    const [owner, exercise, otherExercise] = await Promise.all([createUser(), createExercise(), createExercise()]);
    const first = await createSubmission({ userId: owner, trackSlug: exercise.trackSlug, code: "1\n" });
    const second = await createSubmission({ userId: owner, trackSlug: exercise.trackSlug, code: "2\n" });
    await createSubmission({ userId: owner, trackSlug: otherExercise.trackSlug, code: "3\n" });
    await storeGradeResult({ gradingRunId: first.gradingRunId, result: passResult() });

    const items = await listSubmissions({ userId: owner, trackSlug: exercise.trackSlug });
    expect(items.map((i) => [i.id, i.state, i.status, i.reason, i.score])).toEqual([
      [second.submissionId, "queued", null, null, null],
      [first.submissionId, "done", "pass", null, 1],
    ]);
    expect(await listSubmissions({ userId: owner, trackSlug: exercise.trackSlug, limit: 1 })).toHaveLength(1);
    expect(await listSubmissions({ userId: await createUser(), trackSlug: exercise.trackSlug })).toEqual([]);
  });
});

describe("drafts", () => {
  it("saves, replaces and reads a draft per user and exercise", async () => {
    const [userId, other, exercise] = await Promise.all([createUser(), createUser(), createExercise()]);
    expect(await getDraft({ userId, trackSlug: exercise.trackSlug })).toBeNull();
    const saved = await saveDraft({ userId, trackSlug: exercise.trackSlug, code: "v1\n" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const replaced = await saveDraft({ userId, trackSlug: exercise.trackSlug, code: "v2\n" });
    expect(replaced.updatedAt.getTime()).toBeGreaterThan(saved.updatedAt.getTime());
    expect(await getDraft({ userId, trackSlug: exercise.trackSlug })).toEqual({
      code: "v2\n",
      updatedAt: replaced.updatedAt,
    });
    expect(await getDraft({ userId: other, trackSlug: exercise.trackSlug })).toBeNull();
    expect((await rejection(saveDraft({ userId, trackSlug: exercise.trackSlug, code: "" }))).code).toBe("bad_request");
    expect((await rejection(saveDraft({ userId, trackSlug: "ts/nope", code: "x" }))).code).toBe("not_found");
  });
});

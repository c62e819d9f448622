// A worker that dies mid-grade leaves its run `running` and its job locked. The sweeper gives
// the run back to the queue while it has attempts left, and otherwise ends it as `internal`.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { claimGradingRun } from "@/lib/grading/claim-grading-run";
import { STALE_AFTER_MS, sweepStaleRuns } from "@/lib/grading/sweep-stale-runs";
import { GRADE_MAX_ATTEMPTS } from "@/lib/queue/grade-job";
import { createSubmission } from "@/lib/submissions/create-submission";
import { createExercise, createUser, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());
beforeEach(async () => {
  await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
});

type JobRow = { attempts: number; max_attempts: number; locked_by: string | null };
const jobsOf = (runId: string) =>
  db.$queryRaw<JobRow[]>`SELECT attempts, max_attempts, locked_by FROM graphile_worker._private_jobs WHERE payload->>'gradingRunId' = ${runId} ORDER BY id`;

/** A submission whose worker claimed it `attempts` times and then died holding the job. */
async function crashedRun(attempts: number): Promise<string> {
  const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
  const { gradingRunId } = await createSubmission({ userId, exerciseSlug: exercise.slug, code: "export const n = 1;\n" });
  for (let i = 0; i < attempts; i++) await claimGradingRun({ gradingRunId, workerId: "dead-worker" });
  await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'dead-worker', attempts = ${attempts}
    WHERE payload->>'gradingRunId' = ${gradingRunId}`;
  return gradingRunId;
}

const later = () => new Date(Date.now() + STALE_AFTER_MS + 60_000);

describe("sweepStaleRuns", () => {
  it("leaves a run that is still within any grading's time alone", async () => {
    const runId = await crashedRun(1);
    const swept = await sweepStaleRuns();
    expect(swept.requeued).not.toContain(runId);
    expect(swept.failed).not.toContain(runId);
    expect((await db.gradingRun.findUniqueOrThrow({ where: { id: runId } })).state).toBe("running");
  });

  it("requeues a stale run with attempts left, with a fresh job for the remaining attempts", async () => {
    const runId = await crashedRun(1);
    const swept = await sweepStaleRuns({ now: later() });
    expect(swept.requeued).toContain(runId);
    expect(await db.gradingRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ state: "queued", workerId: null, attempts: 1 });
    expect(await jobsOf(runId)).toEqual([{ attempts: 0, max_attempts: GRADE_MAX_ATTEMPTS - 1, locked_by: null }]);
  });

  it("ends a stale run that used every attempt as an internal error, with no job left", async () => {
    const runId = await crashedRun(GRADE_MAX_ATTEMPTS);
    const swept = await sweepStaleRuns({ now: later() });
    expect(swept.failed).toContain(runId);
    const run = await db.gradingRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ state: "done", status: "error", reason: "internal", score: 0 });
    expect(await jobsOf(runId)).toEqual([]);
    // A second sweep finds nothing more to do with it.
    const again = await sweepStaleRuns({ now: later() });
    expect([...again.requeued, ...again.failed]).not.toContain(runId);
  });

  it("requeues a queued run whose job vanished", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    const { gradingRunId } = await createSubmission({ userId, exerciseSlug: exercise.slug, code: "export const n = 2;\n" });
    await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
    expect((await sweepStaleRuns({ now: later() })).requeued).toContain(gradingRunId);
    expect(await jobsOf(gradingRunId)).toHaveLength(1);
  });
});

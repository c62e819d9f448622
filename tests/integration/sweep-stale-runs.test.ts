// A worker that dies mid-grade leaves its run `running` and its job locked. The sweeper gives
// the run back to the queue while it has attempts left, and otherwise ends it as `internal`.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { claimGradingRun } from "@/lib/grading/claim-grading-run";
import { storeGradeResult } from "@/lib/grading/store-grade-result";
import { STALE_AFTER_MS, sweepStaleRuns } from "@/lib/grading/sweep-stale-runs";
import { GRADE_MAX_ATTEMPTS } from "@/lib/queue/grade-job";
import { createSubmission } from "@/lib/submissions/create-submission";
import { createExercise, createUser, passResult, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());
beforeEach(async () => {
  await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
});

// The tests look into graphile-worker's table to see what the sweeper did; the sweeper does not.
type JobRow = { attempts: number; max_attempts: number; locked_by: string | null; key: string | null };
const jobsOf = (runId: string) =>
  db.$queryRaw<
    JobRow[]
  >`SELECT attempts, max_attempts, locked_by, key FROM graphile_worker._private_jobs WHERE payload->>'gradingRunId' = ${runId} ORDER BY id`;

/** A submission whose worker claimed it `attempts` times and then died holding the job. */
async function crashedRun(attempts: number): Promise<string> {
  const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
  const { gradingRunId } = await createSubmission({
    userId,
    trackSlug: exercise.trackSlug,
    code: "export const n = 1;\n",
  });
  const [job] = await db.$queryRaw<{ id: bigint }[]>`UPDATE graphile_worker._private_jobs
    SET locked_at = now(), locked_by = 'dead-worker', attempts = ${attempts}
    WHERE payload->>'gradingRunId' = ${gradingRunId} RETURNING id`;
  for (let i = 0; i < attempts; i++) {
    await claimGradingRun({
      gradingRunId,
      workerId: "dead-host/1",
      queueJobId: String(job?.id),
      queueWorkerId: "dead-worker",
    });
  }
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
    expect(await db.gradingRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      state: "queued",
      workerId: null,
      attempts: 1,
    });
    // The dead worker's job itself, unlocked and reset for the remaining attempts, under the run's key.
    expect(await jobsOf(runId)).toEqual([
      { attempts: 0, max_attempts: GRADE_MAX_ATTEMPTS - 1, locked_by: null, key: `grade:${runId}` },
    ]);
    // A second sweep leaves it alone: the run is queued again, and recently.
    const again = await sweepStaleRuns({ now: later() });
    expect(again.requeued).not.toContain(runId);
    expect(await jobsOf(runId)).toHaveLength(1);
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

  it("retires a job still locked by a worker it cannot unlock, and adds a fresh one under the key", async () => {
    const runId = await crashedRun(1);
    await db.gradingRun.update({ where: { id: runId }, data: { queueWorkerId: null } });
    expect((await sweepStaleRuns({ now: later() })).requeued).toContain(runId);
    const jobs = await jobsOf(runId);
    expect(jobs).toEqual([
      { attempts: GRADE_MAX_ATTEMPTS, max_attempts: GRADE_MAX_ATTEMPTS, locked_by: "dead-worker", key: null },
      { attempts: 0, max_attempts: GRADE_MAX_ATTEMPTS - 1, locked_by: null, key: `grade:${runId}` },
    ]);
  });

  it("stores one verdict when a swept worker finishes late: the older attempt's result is refused", async () => {
    const runId = await crashedRun(1);
    await sweepStaleRuns({ now: later() });
    const claim = await claimGradingRun({ gradingRunId: runId, workerId: "new-host/2" });
    expect(claim).toMatchObject({ kind: "claimed", attempts: 2 });
    expect(await storeGradeResult({ gradingRunId: runId, result: passResult("late, attempt 1"), attempt: 1 })).toEqual({
      stored: false,
    });
    expect(await storeGradeResult({ gradingRunId: runId, result: passResult("attempt 2"), attempt: 2 })).toEqual({
      stored: true,
    });
    expect(await storeGradeResult({ gradingRunId: runId, result: passResult("again"), attempt: 2 })).toEqual({
      stored: false,
    });
    expect(await db.gradingRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({
      state: "done",
      attempts: 2,
      result: passResult("attempt 2"),
    });
  });

  it("gives a queued run whose job vanished a job again", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    const { gradingRunId } = await createSubmission({
      userId,
      trackSlug: exercise.trackSlug,
      code: "export const n = 2;\n",
    });
    await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
    expect((await sweepStaleRuns({ now: later() })).rescheduled).toContain(gradingRunId);
    expect(await jobsOf(gradingRunId)).toMatchObject([{ attempts: 0, locked_by: null, key: `grade:${gradingRunId}` }]);
    // Sweeping again keeps the one waiting job (same key, run_at kept).
    await sweepStaleRuns({ now: later() });
    expect(await jobsOf(gradingRunId)).toHaveLength(1);
  });
});

// Runs whose worker died mid-grade. graphile-worker frees a crashed worker's job only when its
// lock expires (4 hours), and never again once that was the job's last attempt, so without this
// the student's run would say "running" forever. A run still `running` long after any grading
// could take (the grading child's own watchdog ends every grade within about a minute) lost its
// worker: it is queued again while it has attempts left, and otherwise ends as an `internal`
// error a teacher can regrade. A run `queued` with no job left to take it is treated the same.
// The worker runs this every minute (graphile-worker crontab), so at most one sweeper works at
// a time per worker and rows are taken with SKIP LOCKED.
import { z } from "zod";
import { db } from "../db.ts";
import { GRADE_MAX_ATTEMPTS, GRADE_TASK, type GradeJobPayload } from "../queue/grade-job.ts";
import { internalErrorResult } from "./internal-error-result.ts";

export const SWEEP_TASK = "sweep_stale_runs";
/** Far above the longest grade (wall limits are seconds; the watchdog adds a few more). */
export const STALE_AFTER_MS = 10 * 60 * 1000;

export type SweepResult = { requeued: string[]; failed: string[] };

type StaleRun = { id: string; attempts: number };

export async function sweepStaleRuns(options: { staleAfterMs?: number; now?: Date } = {}): Promise<SweepResult> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.staleAfterMs ?? STALE_AFTER_MS));
  const result: SweepResult = { requeued: [], failed: [] };
  await db.$transaction(async (tx) => {
    // `_private_jobs` is graphile-worker's table (0.18); only a job that can still run — or is
    // running under a live lock younger than the cutoff — keeps a run off this list.
    const stale = await tx.$queryRaw<StaleRun[]>`
      SELECT r.id::text AS id, r.attempts
      FROM grading_runs r
      WHERE (r.state = 'running' AND r.started_at < ${cutoff})
         OR (r.state = 'queued' AND r.created_at < ${cutoff} AND NOT EXISTS (
              SELECT 1 FROM graphile_worker._private_jobs j
              WHERE j.payload->>'gradingRunId' = r.id::text AND j.attempts < j.max_attempts))
      ORDER BY r.created_at
      LIMIT 200
      FOR UPDATE OF r SKIP LOCKED`;
    for (const run of stale) {
      // The dead worker's locks go (complete_jobs leaves locked jobs alone), then its job for this
      // run: locked or out of attempts, it must not run again on its own.
      await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(ARRAY(
        SELECT DISTINCT locked_by FROM graphile_worker._private_jobs
        WHERE payload->>'gradingRunId' = ${run.id} AND locked_by IS NOT NULL))`;
      await tx.$executeRaw`SELECT graphile_worker.complete_jobs(ARRAY(
        SELECT id FROM graphile_worker._private_jobs WHERE payload->>'gradingRunId' = ${run.id}))`;
      if (run.attempts < GRADE_MAX_ATTEMPTS) {
        await tx.gradingRun.update({ where: { id: run.id }, data: { state: "queued", workerId: null } });
        const payload: GradeJobPayload = { gradingRunId: run.id };
        await tx.$executeRaw`SELECT graphile_worker.add_job(
          identifier => ${GRADE_TASK}, payload => ${JSON.stringify(payload)}::json,
          max_attempts => ${GRADE_MAX_ATTEMPTS - run.attempts}::int)`;
        result.requeued.push(run.id);
      } else {
        const verdict = internalErrorResult(
          `Grading stopped ${run.attempts} times without an answer (the grader process was lost); a teacher can regrade it.`,
        );
        await tx.gradingRun.update({
          where: { id: run.id },
          data: { state: "done", result: z.json().parse(verdict) ?? {}, status: verdict.status, reason: verdict.reason ?? null, score: 0, finishedAt: new Date() },
        });
        result.failed.push(run.id);
      }
    }
  });
  return result;
}

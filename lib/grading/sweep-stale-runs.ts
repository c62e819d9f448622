// Runs whose worker died mid-grade, and runs that lost their job. graphile-worker frees a crashed
// worker's job only when its lock expires (4 hours), so without this the student's run would say
// "running" for hours. `running` means a worker holds the run's job right now (a grade that
// fails and will be retried goes back to `queued` first), so a run still `running` long after any
// grading could take (the grading child's watchdog ends every grade within a couple of minutes)
// lost its worker: that worker's lock is forced off and the run's job is added again under the
// same job key, while attempts are left; otherwise the run ends as an `internal` error a teacher
// can regrade. A `queued` run that old gets its job added again under its key with
// `preserve_run_at`, which changes nothing about a job that is waiting and restores one that
// vanished or failed for good.
// Only graphile-worker's public API is used (WorkerUtils: addJob with jobKey, forceUnlockWorkers,
// completeJobs); every change to a run is conditional on the attempt the sweep saw, so two
// sweepers, or a worker finishing late, cannot store two verdicts.
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import { db } from "../db.ts";
import { env } from "../env.ts";
import { GRADE_MAX_ATTEMPTS, GRADE_TASK, gradeJobKey, type GradeJobPayload } from "../queue/grade-job.ts";
import { queueLogger } from "../queue/queue-logger.ts";
import { REGRADE_PRIORITY } from "../regrade/schemas.ts";
import { internalErrorResult } from "./internal-error-result.ts";
import { storeGradeResult } from "./store-grade-result.ts";

export const SWEEP_TASK = "sweep_stale_runs";
/** Far above the longest grade (wall limits are seconds; the watchdog adds a few more). */
export const STALE_AFTER_MS = 10 * 60 * 1000;
const BATCH = 200;

export type SweepResult = { requeued: string[]; failed: string[]; rescheduled: string[] };

type Run = {
  id: string;
  attempts: number;
  queueJobId: string | null;
  queueWorkerId: string | null;
  regradeId: string | null;
};

export async function sweepStaleRuns(
  options: { staleAfterMs?: number; now?: Date; utils?: WorkerUtils } = {},
): Promise<SweepResult> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.staleAfterMs ?? STALE_AFTER_MS));
  const select = { id: true, attempts: true, queueJobId: true, queueWorkerId: true, regradeId: true } as const;
  const [running, queued] = await Promise.all([
    db.gradingRun.findMany({
      where: { state: "running", startedAt: { lt: cutoff } },
      select,
      orderBy: { createdAt: "asc" },
      take: BATCH,
    }),
    db.gradingRun.findMany({
      where: { state: "queued", createdAt: { lt: cutoff }, OR: [{ startedAt: null }, { startedAt: { lt: cutoff } }] },
      select,
      orderBy: { createdAt: "asc" },
      take: BATCH,
    }),
  ]);
  const result: SweepResult = { requeued: [], failed: [], rescheduled: [] };
  if (running.length + queued.length === 0) return result;
  const utils =
    options.utils ??
    (await makeWorkerUtils({ connectionString: env.DATABASE_URL, logger: queueLogger({ quiet: true }) }));
  try {
    for (const run of running) {
      if (run.attempts < GRADE_MAX_ATTEMPTS) {
        const moved = await db.gradingRun.updateMany({
          where: { id: run.id, state: "running", attempts: run.attempts },
          data: { state: "queued", workerId: null, queueJobId: null, queueWorkerId: null },
        });
        if (moved.count === 0) continue; // finished, or another sweeper took it
        if (run.queueWorkerId) await utils.forceUnlockWorkers([run.queueWorkerId]);
        // The unlocked job is reset in place; a job still locked is retired and a fresh one added.
        await addGradeJob(utils, run, "replace");
        result.requeued.push(run.id);
      } else {
        const verdict = internalErrorResult(
          `Grading stopped ${run.attempts} times without an answer (the grader process was lost); a teacher can regrade it.`,
        );
        const { stored } = await storeGradeResult({ gradingRunId: run.id, result: verdict, attempt: run.attempts });
        if (!stored) continue;
        if (run.queueWorkerId) await utils.forceUnlockWorkers([run.queueWorkerId]);
        if (run.queueJobId) await utils.completeJobs([run.queueJobId]);
        result.failed.push(run.id);
      }
    }
    for (const run of queued) {
      await addGradeJob(utils, run, "preserve_run_at");
      result.rescheduled.push(run.id);
    }
  } finally {
    if (!options.utils) await utils.release();
  }
  return result;
}

async function addGradeJob(utils: WorkerUtils, run: Run, jobKeyMode: "replace" | "preserve_run_at"): Promise<void> {
  const payload: GradeJobPayload = { gradingRunId: run.id };
  await utils.addJob(GRADE_TASK, payload, {
    jobKey: gradeJobKey(run.id),
    jobKeyMode,
    maxAttempts: Math.max(1, GRADE_MAX_ATTEMPTS - run.attempts),
    priority: run.regradeId ? REGRADE_PRIORITY : 0,
  });
}

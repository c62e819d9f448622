// The one way a grading run reaches the queue: one graphile-worker "grade" job per run, keyed by
// the run (gradeJobKey), added with graphile-worker's public add_job SQL function inside the
// caller's Prisma transaction so the runs and their jobs commit together (create-submission.ts
// for a first run, lib/regrade for a teacher's regrade).
import type { Prisma } from "../generated/prisma/client.ts";
import { GRADE_MAX_ATTEMPTS, GRADE_TASK, gradeJobKey } from "../queue/grade-job.ts";

export async function enqueueGradeJobs(options: {
  tx: Prisma.TransactionClient;
  gradingRunIds: readonly string[];
  /** graphile-worker runs lower numbers first; regrades pass a higher one so fresh submissions go ahead. */
  priority?: number;
}): Promise<void> {
  if (options.gradingRunIds.length === 0) return;
  // One statement for the whole batch; each payload is exactly the GradeJobPayload { gradingRunId }.
  await options.tx.$executeRaw`SELECT graphile_worker.add_job(
      identifier => ${GRADE_TASK},
      payload => json_build_object('gradingRunId', run_id),
      max_attempts => ${GRADE_MAX_ATTEMPTS}::int,
      job_key => ${gradeJobKey("")}::text || run_id::text,
      priority => ${options.priority ?? 0}::int)
    FROM unnest(${[...options.gradingRunIds]}::uuid[]) AS run_id`;
}

// The "grade" task: claims the run (recording this worker and graphile-worker's job and worker
// ids), grades it with grader/core, and stores the verdict under the claim's attempt, so a job
// that runs twice stores one verdict. A failed grade with attempts left gives the run back to
// `queued` and throws (graphile-worker retries with backoff); the last attempt stores an
// `internal` error the student sees and a teacher can regrade.
import { z } from "zod";
import type { JobHelpers } from "graphile-worker";
import { claimGradingRun } from "../lib/grading/claim-grading-run.ts";
import { internalErrorResult } from "../lib/grading/internal-error-result.ts";
import { releaseGradingRun } from "../lib/grading/release-grading-run.ts";
import { storeGradeResult } from "../lib/grading/store-grade-result.ts";
import type { JsonLogger } from "../lib/observability/json-log.ts";
import { gradeJobs, gradingDuration, queueWait, verdicts } from "../lib/observability/metrics.ts";
import { GRADE_MAX_ATTEMPTS, GradeJobPayload } from "../lib/queue/grade-job.ts";
import type { GradeResult } from "./contract.ts";

export type GradeFn = (options: { exerciseId: string; code: string; signal?: AbortSignal }) => Promise<GradeResult>;

export function gradeTask(options: { grade: GradeFn; workerId: string; log: JsonLogger }) {
  return async (payload: unknown, helpers: JobHelpers): Promise<void> => {
    const jobId = String(helpers.job.id);
    const parsed = GradeJobPayload.safeParse(payload);
    if (!parsed.success) {
      // Retrying cannot fix a malformed message: log it and let the job complete.
      options.log.error("invalid grade job payload", {
        jobId,
        payload: JSON.stringify(payload).slice(0, 500),
        why: z.prettifyError(parsed.error),
      });
      gradeJobs.inc({ outcome: "invalid" });
      return;
    }
    const { gradingRunId } = parsed.data;
    const claim = await claimGradingRun({
      gradingRunId,
      workerId: options.workerId,
      queueJobId: jobId,
      queueWorkerId: helpers.job.locked_by ?? undefined,
    });
    if (claim.kind !== "claimed") {
      options.log.info(`run is ${claim.kind}; nothing to grade`, { gradingRunId, jobId });
      gradeJobs.inc({ outcome: "skipped" });
      return;
    }
    const log = options.log.child({
      gradingRunId,
      submissionId: claim.submissionId,
      jobId,
      attempt: claim.attempts,
      exercise: claim.trackSlug,
    });
    queueWait.observe(Math.max(0, (Date.now() - claim.queuedAt.getTime()) / 1000));
    log.info("grading");
    const finalAttempt = claim.attempts >= GRADE_MAX_ATTEMPTS;
    const started = performance.now();
    let result: GradeResult;
    try {
      result = await options.grade({ exerciseId: claim.trackSlug, code: claim.code, signal: helpers.abortSignal });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (!finalAttempt) {
        log.warn("grading failed; the job will be retried", { error: why });
        gradeJobs.inc({ outcome: "retry" });
        await releaseGradingRun({ gradingRunId, attempt: claim.attempts });
        throw error;
      }
      log.error("grading failed on the last attempt; storing an internal error", { error: why });
      result = internalErrorResult(
        `Grading failed ${claim.attempts} times; a teacher can regrade it. Last error: ${why}`,
      );
    } finally {
      gradingDuration.observe({ exercise: claim.trackSlug }, (performance.now() - started) / 1000);
    }
    const { stored } = await storeGradeResult({ gradingRunId, result, attempt: claim.attempts });
    gradeJobs.inc({ outcome: stored ? "stored" : "not_stored" });
    if (stored) verdicts.inc({ status: result.status, reason: result.reason ?? "" });
    log.info(stored ? "verdict stored" : "verdict not stored: a newer attempt owns the run", {
      status: result.status,
      reason: result.reason,
      durationMs: Math.round(performance.now() - started),
    });
  };
}

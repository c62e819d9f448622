// The queue message (DESIGN.md, Contracts §4): only the run's id travels; the worker re-reads
// everything else from the database and validates this payload again.
import { z } from "zod";

export const GRADE_TASK = "grade";
/** A grading job is retried this many times in all before the run ends as an `internal` error. */
export const GRADE_MAX_ATTEMPTS = 3;

export const GradeJobPayload = z.object({ gradingRunId: z.uuid() });
export type GradeJobPayload = z.infer<typeof GradeJobPayload>;

/**
 * graphile-worker's job key for a run: a run has at most one job waiting, and adding it again
 * (the sweeper) replaces that job instead of queueing a second one.
 */
export function gradeJobKey(gradingRunId: string): string {
  return `grade:${gradingRunId}`;
}

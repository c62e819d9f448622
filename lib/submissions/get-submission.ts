import { z } from "zod";
import { GradeResult } from "../../grader/contract.ts";
import { AppError } from "../errors.ts";
import { db } from "../db.ts";
import type { SubmissionView } from "./schemas.ts";

/** One submission with its latest grading run; null unless `userId` owns it. */
export async function getSubmission(options: { userId: string; submissionId: string }): Promise<SubmissionView | null> {
  // The id column is a uuid: anything else cannot exist (and would make Postgres raise).
  if (!z.uuid().safeParse(options.submissionId).success) return null;
  const row = await db.submission.findFirst({
    where: { id: options.submissionId, userId: options.userId },
    select: {
      id: true,
      code: true,
      createdAt: true,
      exercise: { select: { trackSlug: true } },
      gradingRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, state: true, result: true } },
    },
  });
  const run = row?.gradingRuns[0];
  if (!row || !run) return null;
  return {
    id: row.id,
    trackSlug: row.exercise.trackSlug,
    code: row.code,
    createdAt: row.createdAt,
    run: { id: run.id, state: run.state, result: parseStoredResult(run.id, run.result) },
  };
}

/** Stored JSON is re-parsed on every read: a result that no longer fits the contract is a bug, not data. */
function parseStoredResult(runId: string, stored: unknown): GradeResult | null {
  if (stored === null) return null;
  const parsed = GradeResult.safeParse(stored);
  if (!parsed.success) {
    throw new AppError("internal", `grading run ${runId} holds a result that does not match GradeResult v1`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

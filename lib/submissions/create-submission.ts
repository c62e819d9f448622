// Submissions are never lost: the submission, its first grading run and its queue job are
// written in ONE transaction. graphile-worker's add_job is a SQL function, so it runs inside
// the same Prisma interactive transaction (same connection): either all three rows exist or
// none. Its NOTIFY is delivered at commit, so a worker never sees a job whose run is not
// committed yet. (A separate pg transaction would work too, but would lose Prisma's typed
// inserts and need a second pool.)
import { AppError } from "../errors.ts";
import { db } from "../db.ts";
import { checkCode } from "./code-rules.ts";
import { enqueueGradeJobs } from "./enqueue-grade-jobs.ts";
import { enforceSubmissionRateLimit, type SubmissionRateLimit } from "./rate-limit.ts";

export async function createSubmission(options: {
  userId: string;
  exerciseSlug: string;
  code: string;
  /** Overrides the configured per-user limit (tests); see rate-limit.ts. */
  rateLimit?: SubmissionRateLimit;
}): Promise<{ submissionId: string; gradingRunId: string }> {
  const code = checkCode(options.code);
  return db.$transaction(async (tx) => {
    await enforceSubmissionRateLimit({ tx, userId: options.userId, limit: options.rateLimit });
    const exercise = await tx.exercise.findUnique({
      where: { slug: options.exerciseSlug },
      select: { id: true, language: true, archived: true },
    });
    if (!exercise || exercise.archived) {
      throw new AppError("not_found", `There is no exercise "${options.exerciseSlug}".`);
    }
    const submission = await tx.submission.create({
      data: {
        userId: options.userId,
        exerciseId: exercise.id,
        language: exercise.language,
        code,
        gradingRuns: { create: {} },
      },
      select: { id: true, gradingRuns: { select: { id: true } } },
    });
    const run = submission.gradingRuns[0];
    if (!run) throw new AppError("internal", "the first grading run was not created");
    await enqueueGradeJobs({ tx, gradingRunIds: [run.id] });
    return { submissionId: submission.id, gradingRunId: run.id };
  });
}

// Submissions are never lost: the submission, its first grading run and its queue job are
// written in ONE transaction. graphile-worker's add_job is a SQL function, so it runs inside
// the same Prisma interactive transaction (same connection): either all three rows exist or
// none. Its NOTIFY is delivered at commit, so a worker never sees a job whose run is not
// committed yet. (A separate pg transaction would work too, but would lose Prisma's typed
// inserts and need a second pool.)
import { AppError } from "../errors.ts";
import { db } from "../db.ts";
import { GRADE_MAX_ATTEMPTS, GRADE_TASK, type GradeJobPayload } from "../queue/grade-job.ts";
import { checkCode } from "./code-rules.ts";

export async function createSubmission(options: {
  userId: string;
  exerciseSlug: string;
  code: string;
}): Promise<{ submissionId: string; gradingRunId: string }> {
  const code = checkCode(options.code);
  return db.$transaction(async (tx) => {
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
    const payload: GradeJobPayload = { gradingRunId: run.id };
    await tx.$executeRaw`SELECT graphile_worker.add_job(
      identifier => ${GRADE_TASK}, payload => ${JSON.stringify(payload)}::json, max_attempts => ${GRADE_MAX_ATTEMPTS}::int)`;
    return { submissionId: submission.id, gradingRunId: run.id };
  });
}

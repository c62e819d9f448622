// A teacher's regrade of one exercise for one class: every submission of it by the class's
// current students gets a NEW grading run (the old ones stay) pointing at one Regrade row, and
// each run its "grade" job. Runs and jobs are written in batches, each batch one transaction
// through the same enqueue helper as a first submission, so a crash leaves whole batches.
// Only the class's teacher (or an admin) may start one: getTaughtClass answers 401/403/404.
import type { Viewer } from "../auth/viewer.ts";
import { getTaughtClass, isAssignedExercise, requireTeacher } from "../classes/class-access.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { enqueueGradeJobs } from "../submissions/enqueue-grade-jobs.ts";
import { REGRADE_BATCH_SIZE, REGRADE_PRIORITY } from "./schemas.ts";

export async function startRegrade(options: {
  viewer: Viewer | null;
  classId: string;
  trackSlug: string;
  batchSize?: number;
}): Promise<{ regradeId: string; total: number }> {
  const teacher = requireTeacher(options.viewer);
  const taught = await getTaughtClass({ viewer: teacher, classId: options.classId });
  const exercise = await db.exercise.findUnique({ where: { trackSlug: options.trackSlug }, select: { id: true } });
  if (!exercise) throw new AppError("not_found", `There is no exercise "${options.trackSlug}".`);
  // Students' work on exercises the class did not assign is not the teacher's to regrade (or count).
  if (!(await isAssignedExercise({ classId: taught.id, exerciseId: exercise.id }))) {
    throw new AppError("not_found", `"${options.trackSlug}" is not assigned to this class.`);
  }

  // A second click while the first regrade is still grading would only queue the same work again.
  const unfinished = await db.gradingRun.findFirst({
    where: { state: { not: "done" }, regrade: { classId: options.classId, exerciseId: exercise.id } },
    select: { regradeId: true },
  });
  if (unfinished) throw new AppError("conflict", "A regrade of this exercise is still running for this class.");

  const submissions = await db.submission.findMany({
    where: { exerciseId: exercise.id, user: { memberships: { some: { classId: options.classId } } } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (submissions.length === 0)
    throw new AppError("bad_request", "No student in this class has submitted this exercise yet.");

  const regrade = await db.regrade.create({
    data: {
      exerciseId: exercise.id,
      classId: taught.id,
      requestedById: teacher.id,
      total: submissions.length,
    },
    select: { id: true },
  });
  const size = Math.max(1, options.batchSize ?? REGRADE_BATCH_SIZE);
  try {
    for (let start = 0; start < submissions.length; start += size) {
      const batch = submissions.slice(start, start + size);
      await db.$transaction(async (tx) => {
        const runs = await tx.gradingRun.createManyAndReturn({
          data: batch.map((s) => ({ submissionId: s.id, regradeId: regrade.id })),
          select: { id: true },
        });
        await enqueueGradeJobs({ tx, gradingRunIds: runs.map((r) => r.id), priority: REGRADE_PRIORITY });
      });
    }
  } catch (error) {
    // Keep the progress page honest: the total is what was actually queued.
    const queued = await db.gradingRun.count({ where: { regradeId: regrade.id } });
    await db.regrade.update({ where: { id: regrade.id }, data: { total: queued } });
    throw new AppError(
      "internal",
      `The regrade stopped after queueing ${queued} of ${submissions.length} submissions.`,
      {
        cause: error,
      },
    );
  }
  return { regradeId: regrade.id, total: submissions.length };
}

// A student's attempts at one exercise for their teacher: newest first, each with its code,
// its latest grading run (result re-parsed with the contract), how many runs it has had, and
// the line diff to the attempt before it. Nothing but the submission's own code and result.
import { GradeResult } from "../../grader/contract.ts";
import type { Viewer } from "../auth/viewer.ts";
import { getTaughtClass, isAssignedExercise, requireMember } from "../classes/class-access.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { lineDiff, type LineDiff } from "./line-diff.ts";

export type StudentAttempt = {
  id: string;
  number: number;
  createdAt: Date;
  code: string;
  language: string;
  run: {
    id: string;
    state: "queued" | "running" | "done";
    result: GradeResult | null;
    regraded: boolean;
    finishedAt: Date | null;
  } | null;
  runCount: number;
  /** Against the previous attempt; null for the first one. */
  diff: LineDiff | null;
};

export type StudentWork = {
  student: { id: string; name: string; email: string };
  exercise: { trackSlug: string; title: string; language: string };
  attempts: StudentAttempt[];
  /** All attempts, of which the newest MAX_ATTEMPTS_SHOWN are listed. */
  total: number;
};

export const MAX_ATTEMPTS_SHOWN = 100;

/** Only for the class's teacher, only for a current member, only on an assigned exercise. */
export async function listStudentAttempts(options: {
  viewer: Viewer | null;
  classId: string;
  userId: string;
  trackSlug: string;
}): Promise<StudentWork | null> {
  await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  await requireMember({ classId: options.classId, userId: options.userId });
  const student = await db.user.findUnique({
    where: { id: options.userId },
    select: { id: true, name: true, email: true },
  });
  if (!student) return null;
  const exercise = await db.exercise.findUnique({
    where: { trackSlug: options.trackSlug },
    select: { id: true, trackSlug: true, title: true, language: true },
  });
  if (!exercise || !(await isAssignedExercise({ classId: options.classId, exerciseId: exercise.id }))) return null;
  const where = { userId: options.userId, exerciseId: exercise.id };
  const [total, rows] = await Promise.all([
    db.submission.count({ where }),
    db.submission.findMany({
      where,
      orderBy: { createdAt: "desc" },
      // One more than shown, so the oldest shown attempt still gets its diff.
      take: MAX_ATTEMPTS_SHOWN + 1,
      select: {
        id: true,
        createdAt: true,
        code: true,
        language: true,
        _count: { select: { gradingRuns: true } },
        gradingRuns: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { id: true, state: true, result: true, regradeId: true, finishedAt: true },
        },
      },
    }),
  ]);
  const attempts = rows.slice(0, MAX_ATTEMPTS_SHOWN).map((row, i): StudentAttempt => {
    const previous = rows[i + 1];
    const run = row.gradingRuns[0];
    return {
      id: row.id,
      number: total - i,
      createdAt: row.createdAt,
      code: row.code,
      language: row.language,
      run: run
        ? {
            id: run.id,
            state: run.state,
            result: parseResult(run.id, run.result),
            regraded: run.regradeId !== null,
            finishedAt: run.finishedAt,
          }
        : null,
      runCount: row._count.gradingRuns,
      diff: previous ? lineDiff({ before: previous.code, after: row.code }) : null,
    };
  });
  return {
    student,
    exercise: { trackSlug: exercise.trackSlug, title: exercise.title, language: exercise.language },
    attempts,
    total,
  };
}

function parseResult(runId: string, stored: unknown): GradeResult | null {
  if (stored === null) return null;
  const parsed = GradeResult.safeParse(stored);
  if (!parsed.success) {
    throw new AppError("internal", `grading run ${runId} holds a result that does not match GradeResult v1`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

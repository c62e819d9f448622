// Best scores per student for each assignment of a class, from the database: for an exercise
// the best score among the LATEST runs of the student's submissions, for a quiz the best
// submitted attempt (score ÷ max). Only current members count.
import { db } from "../db.ts";

export type AssignmentRow = {
  id: string;
  kind: "exercise" | "quiz";
  /** Exercise slug or quiz id. */
  ref: string;
  exerciseId: string | null;
  title: string;
  position: number;
  dueAt: Date | null;
};

export type StudentRow = { userId: string; name: string; email: string };

export async function loadClassMembers(options: { classId: string }): Promise<StudentRow[]> {
  const rows = await db.classMember.findMany({
    where: { classId: options.classId },
    select: { userId: true, user: { select: { name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, email: r.user.email }));
}

/** Per exercise id: per student, the best latest-run score (0 while a run is still grading). */
export async function loadExerciseBestScores(options: {
  exerciseIds: readonly string[];
  userIds: readonly string[];
}): Promise<Map<string, Map<string, { best: number; passed: boolean; submissions: number }>>> {
  const result = new Map<string, Map<string, { best: number; passed: boolean; submissions: number }>>();
  if (options.exerciseIds.length === 0 || options.userIds.length === 0) return result;
  const submissions = await db.submission.findMany({
    where: { exerciseId: { in: [...options.exerciseIds] }, userId: { in: [...options.userIds] } },
    select: {
      userId: true,
      exerciseId: true,
      gradingRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, score: true } },
    },
  });
  for (const s of submissions) {
    const run = s.gradingRuns[0];
    const perUser = result.get(s.exerciseId) ?? new Map();
    const previous = perUser.get(s.userId) ?? { best: 0, passed: false, submissions: 0 };
    perUser.set(s.userId, {
      best: Math.max(previous.best, run?.score ?? 0),
      passed: previous.passed || run?.status === "pass",
      submissions: previous.submissions + 1,
    });
    result.set(s.exerciseId, perUser);
  }
  return result;
}

export type QuizBest = { attemptId: string; fraction: number; score: number };

/** Per quiz id: per student, their best submitted attempt. */
export async function loadQuizBestAttempts(options: {
  quizIds: readonly string[];
  userIds: readonly string[];
}): Promise<Map<string, Map<string, QuizBest>>> {
  const result = new Map<string, Map<string, QuizBest>>();
  if (options.quizIds.length === 0 || options.userIds.length === 0) return result;
  const attempts = await db.quizAttempt.findMany({
    where: { quizId: { in: [...options.quizIds] }, userId: { in: [...options.userIds] }, submittedAt: { not: null } },
    select: { id: true, quizId: true, userId: true, score: true, maxScore: true },
    orderBy: { submittedAt: "asc" },
  });
  for (const a of attempts) {
    const score = a.score ?? 0;
    const fraction = a.maxScore > 0 ? score / a.maxScore : 0;
    const perUser = result.get(a.quizId) ?? new Map<string, QuizBest>();
    const previous = perUser.get(a.userId);
    if (!previous || fraction > previous.fraction) perUser.set(a.userId, { attemptId: a.id, fraction, score });
    result.set(a.quizId, perUser);
  }
  return result;
}

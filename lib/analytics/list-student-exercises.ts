// The class's assigned exercises a member has submitted, for their teacher: attempts, whether
// any attempt passed, and the latest attempt's verdict (its latest grading run), in the class's
// order. Work on other exercises stays private (class-access.ts, isAssignedExercise).
import type { Viewer } from "../auth/viewer.ts";
import { getTaughtClass, requireMember } from "../classes/class-access.ts";
import { db } from "../db.ts";

export type StudentExerciseRow = {
  trackSlug: string;
  title: string;
  attempts: number;
  passed: boolean;
  lastAt: Date;
  last: { state: "queued" | "running" | "done"; status: string | null; reason: string | null };
};

export async function listStudentExercises(options: {
  viewer: Viewer | null;
  classId: string;
  userId: string;
}): Promise<{ student: { id: string; name: string; email: string }; exercises: StudentExerciseRow[] } | null> {
  await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  await requireMember({ classId: options.classId, userId: options.userId });
  const [student, assignments] = await Promise.all([
    db.user.findUnique({ where: { id: options.userId }, select: { id: true, name: true, email: true } }),
    db.assignment.findMany({
      where: { classId: options.classId, kind: "exercise" },
      orderBy: { position: "asc" },
      select: { exerciseId: true },
    }),
  ]);
  if (!student) return null;
  const order = assignments.flatMap((a) => (a.exerciseId ? [a.exerciseId] : []));
  const submissions = await db.submission.findMany({
    where: { userId: options.userId, exerciseId: { in: order } },
    orderBy: { createdAt: "asc" },
    select: {
      exerciseId: true,
      createdAt: true,
      exercise: { select: { trackSlug: true, title: true } },
      gradingRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { state: true, status: true, reason: true } },
    },
  });
  const rows = new Map<string, StudentExerciseRow>();
  for (const s of submissions) {
    const run = s.gradingRuns[0];
    const last = { state: run?.state ?? "queued", status: run?.status ?? null, reason: run?.reason ?? null };
    const previous = rows.get(s.exerciseId);
    rows.set(s.exerciseId, {
      trackSlug: s.exercise.trackSlug,
      title: s.exercise.title,
      attempts: (previous?.attempts ?? 0) + 1,
      passed: (previous?.passed ?? false) || last.status === "pass",
      lastAt: s.createdAt,
      last,
    });
  }
  const exercises = [...rows.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([, row]) => row);
  return { student, exercises };
}

// Every exercise a class member has submitted, for their teacher: attempts, whether any
// attempt passed, and the latest attempt's verdict (its latest grading run). Assigned
// exercises first, in the class's order.
import type { Viewer } from "../auth/viewer.ts";
import { getTaughtClass, requireMember } from "../classes/class-access.ts";
import { db } from "../db.ts";

export type StudentExerciseRow = {
  slug: string;
  title: string;
  assigned: boolean;
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
  const [student, assignments, submissions] = await Promise.all([
    db.user.findUnique({ where: { id: options.userId }, select: { id: true, name: true, email: true } }),
    db.assignment.findMany({ where: { classId: options.classId, kind: "exercise" }, orderBy: { position: "asc" }, select: { exerciseId: true } }),
    db.submission.findMany({
      where: { userId: options.userId },
      orderBy: { createdAt: "asc" },
      select: {
        exerciseId: true,
        createdAt: true,
        exercise: { select: { slug: true, title: true } },
        gradingRuns: { orderBy: { createdAt: "desc" }, take: 1, select: { state: true, status: true, reason: true } },
      },
    }),
  ]);
  if (!student) return null;
  const order = assignments.map((a) => a.exerciseId);
  const rows = new Map<string, StudentExerciseRow>();
  for (const s of submissions) {
    const run = s.gradingRuns[0];
    const last = { state: run?.state ?? "queued", status: run?.status ?? null, reason: run?.reason ?? null };
    const previous = rows.get(s.exerciseId);
    rows.set(s.exerciseId, {
      slug: s.exercise.slug,
      title: s.exercise.title,
      assigned: order.includes(s.exerciseId),
      attempts: (previous?.attempts ?? 0) + 1,
      passed: (previous?.passed ?? false) || last.status === "pass",
      lastAt: s.createdAt,
      last,
    });
  }
  const rank = (exerciseId: string) => (order.includes(exerciseId) ? order.indexOf(exerciseId) : order.length);
  const exercises = [...rows.entries()]
    .sort(([a, ra], [b, rb]) => rank(a) - rank(b) || ra.slug.localeCompare(rb.slug))
    .map(([, row]) => row);
  return { student, exercises };
}

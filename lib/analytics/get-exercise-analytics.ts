// One exercise in one class: where the students' submissions ended up (by each submission's
// latest grading run), who is in each bucket, and the class's latest regrade of it.
import { z } from "zod";
import type { Viewer } from "../auth/viewer.ts";
import { getTaughtClass, isAssignedExercise } from "../classes/class-access.ts";
import { db } from "../db.ts";
import { loadClassMembers, type StudentRow } from "./load-class-scores.ts";
import { exerciseOutcome, type AttemptRow, type ExerciseOutcome } from "./verdict-buckets.ts";

export type ExerciseAnalytics = {
  exercise: { id: string; trackSlug: string; title: string; track: string };
  outcome: ExerciseOutcome;
  students: Record<string, StudentRow>;
  latestRegrade: { id: string; createdAt: Date; total: number } | null;
};

// Only the diagnostics of a compile error are needed; the rest of the result is not parsed here.
const CompileDiagnostics = z.object({
  diagnostics: z.array(z.object({ severity: z.string(), code: z.string().optional() })),
});

export async function getExerciseAnalytics(options: {
  viewer: Viewer | null;
  classId: string;
  trackSlug: string;
}): Promise<ExerciseAnalytics | null> {
  await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  const exercise = await db.exercise.findUnique({
    where: { trackSlug: options.trackSlug },
    select: { id: true, trackSlug: true, title: true, track: true },
  });
  // Not assigned: the students' work on it is theirs, not the class's (class-access.ts).
  if (!exercise || !(await isAssignedExercise({ classId: options.classId, exerciseId: exercise.id }))) return null;
  const [members, latestRegrade] = await Promise.all([
    loadClassMembers({ classId: options.classId }),
    db.regrade.findFirst({
      where: { classId: options.classId, exerciseId: exercise.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, createdAt: true, total: true },
    }),
  ]);
  const userIds = members.map((m) => m.userId);
  const submissions = await db.submission.findMany({
    where: { exerciseId: exercise.id, userId: { in: userIds } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      userId: true,
      createdAt: true,
      gradingRuns: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, state: true, status: true, reason: true },
      },
    },
  });
  const compileRunIds = submissions.flatMap((s) =>
    s.gradingRuns.filter((r) => r.reason === "compile_error").map((r) => r.id),
  );
  const codes = await firstErrorCodes(compileRunIds);
  const attempts: AttemptRow[] = submissions.map((s) => {
    const run = s.gradingRuns[0];
    return {
      submissionId: s.id,
      userId: s.userId,
      createdAt: s.createdAt,
      run: run
        ? { state: run.state, status: run.status, reason: run.reason, diagnosticCode: codes.get(run.id) ?? null }
        : null,
    };
  });
  return {
    exercise,
    outcome: exerciseOutcome({ studentIds: userIds, attempts }),
    students: Object.fromEntries(members.map((m) => [m.userId, m])),
    latestRegrade,
  };
}

/** The first error diagnostic's code of each compile-error run (E0277, TS2322…). */
async function firstErrorCodes(runIds: string[]): Promise<Map<string, string>> {
  if (runIds.length === 0) return new Map();
  const runs = await db.gradingRun.findMany({ where: { id: { in: runIds } }, select: { id: true, result: true } });
  const codes = new Map<string, string>();
  for (const run of runs) {
    const parsed = CompileDiagnostics.safeParse(run.result);
    const code = parsed.success
      ? parsed.data.diagnostics.find((d) => d.severity === "error" && d.code)?.code
      : undefined;
    if (code) codes.set(run.id, code);
  }
  return codes;
}

// Every student's aggregated work on a set of exercises and quizzes in two grouped queries,
// whatever the number of students or assignments (the gradebook must not query per cell).
import { db } from "../db.ts";
import type { WorkSummary } from "./assignment-status.ts";

/** Keyed by `${userId} ${exerciseUuid}` and `${userId} ${quizId}`. */
export type WorkIndex = Map<string, WorkSummary>;

export const workKey = (userId: string, ref: string) => `${userId} ${ref}`;

type ExerciseRow = { userId: string; ref: string; attempts: number; best: number | null; doneAt: Date | null };

export async function loadWork(options: {
  userIds: string[];
  exerciseIds: string[];
  quizIds: string[];
}): Promise<WorkIndex> {
  const { userIds, exerciseIds, quizIds } = options;
  const index: WorkIndex = new Map();
  if (userIds.length === 0) return index;
  const [exerciseRows, quizRows] = await Promise.all([
    exerciseIds.length === 0
      ? []
      : // A submission counts with its latest finished grading run, so a regrade replaces the old
        // verdict; a submission still in the queue is an attempt without a score yet.
        db.$queryRaw<ExerciseRow[]>`
          SELECT s.user_id AS "userId", s.exercise_id::text AS "ref", count(*)::int AS "attempts",
                 max(r.score) AS "best", min(s.created_at) FILTER (WHERE r.status = 'pass') AS "doneAt"
            FROM submissions s
            LEFT JOIN LATERAL (
              SELECT g.status, g.score FROM grading_runs g
               WHERE g.submission_id = s.id AND g.state = 'done'
               ORDER BY g.created_at DESC LIMIT 1
            ) r ON true
           WHERE s.user_id = ANY(${userIds}::text[]) AND s.exercise_id = ANY(${exerciseIds}::uuid[])
           GROUP BY s.user_id, s.exercise_id`,
    quizIds.length === 0
      ? []
      : db.$queryRaw<ExerciseRow[]>`
          SELECT user_id AS "userId", quiz_id AS "ref", count(*)::int AS "attempts",
                 max(score / NULLIF(max_score, 0)) AS "best", min(submitted_at) AS "doneAt"
            FROM quiz_attempts
           WHERE submitted_at IS NOT NULL AND user_id = ANY(${userIds}::text[]) AND quiz_id = ANY(${quizIds}::text[])
           GROUP BY user_id, quiz_id`,
  ]);
  for (const row of [...exerciseRows, ...quizRows]) {
    index.set(workKey(row.userId, row.ref), {
      attempts: Number(row.attempts),
      best: row.best === null ? null : Number(row.best),
      doneAt: row.doneAt,
    });
  }
  return index;
}

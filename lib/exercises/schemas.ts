// What the web sees of an exercise: never hidden tests, solutions or expectations.
import { z } from "zod";

export const ExerciseSummary = z.object({
  /** The public id "<track>/<slug>", e.g. "ts/shared-counter". */
  id: z.string(),
  uuid: z.uuid(),
  title: z.string(),
  summary: z.string(),
  difficulty: z.enum(["intro", "core", "stretch"]),
  concepts: z.array(z.string()),
  track: z.enum(["ts", "rust"]),
  language: z.enum(["typescript", "rust"]),
});
export type ExerciseSummary = z.infer<typeof ExerciseSummary>;

/** One step of help after a failure (exercise.json's hints, in order: symptom → concept → api). */
export const ExerciseHint = z.object({
  level: z.enum(["symptom", "concept", "api"]),
  text: z.string(),
  /** Only after failures with one of these reasons; after any failure when absent. */
  reasons: z.array(z.string()).optional(),
});
export type ExerciseHint = z.infer<typeof ExerciseHint>;

export const ExerciseDetail = ExerciseSummary.extend({
  /** Markdown. */
  statement: z.string(),
  starter: z.string(),
  hints: z.array(ExerciseHint),
});
export type ExerciseDetail = z.infer<typeof ExerciseDetail>;

type ExerciseRow = {
  id: string;
  trackSlug: string;
  title: string;
  summary: string;
  difficulty: string;
  concepts: string[];
  track: string;
  language: string;
};

/** Parses a database row (its text columns are only as good as the last sync). */
export function toExerciseSummary(row: ExerciseRow): ExerciseSummary {
  return ExerciseSummary.parse({ ...row, id: row.trackSlug, uuid: row.id });
}

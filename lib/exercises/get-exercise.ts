import { db } from "../db.ts";
import { ExerciseDetail, toExerciseSummary } from "./schemas.ts";

/** One current exercise by its public id ("ts/shared-counter"), or null; archived ones are gone. */
export async function getExercise(options: { trackSlug: string }): Promise<ExerciseDetail | null> {
  const row = await db.exercise.findUnique({ where: { trackSlug: options.trackSlug } });
  if (!row || row.archived) return null;
  return ExerciseDetail.parse({
    ...toExerciseSummary(row),
    statement: row.statement,
    starter: row.starter,
    hints: row.hints,
  });
}

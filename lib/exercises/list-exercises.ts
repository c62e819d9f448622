import { db } from "../db.ts";
import { toExerciseSummary, type ExerciseSummary } from "./schemas.ts";

/** Current (not archived) exercises, ordered by track, then position. */
export async function listExercises(): Promise<ExerciseSummary[]> {
  const rows = await db.exercise.findMany({
    where: { archived: false },
    orderBy: [{ track: "asc" }, { position: "asc" }, { trackSlug: "asc" }],
  });
  return rows.map(toExerciseSummary);
}

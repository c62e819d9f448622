import { db } from "../db.ts";
import { toExerciseSummary, type ExerciseSummary } from "./schemas.ts";

const LEVELS: readonly ExerciseSummary["difficulty"][] = ["intro", "core", "stretch"];

/**
 * Current (not archived) exercises as a learning path: by track, then level (intro, core,
 * stretch), then position inside the level, so a catalog never lists a core exercise between
 * two intro ones.
 */
export async function listExercises(): Promise<ExerciseSummary[]> {
  const rows = await db.exercise.findMany({
    where: { archived: false },
    orderBy: [{ track: "asc" }, { position: "asc" }, { trackSlug: "asc" }],
  });
  const level = (e: ExerciseSummary) => LEVELS.indexOf(e.difficulty);
  // Stable: inside a track and a level the position order above stays.
  return rows.map(toExerciseSummary).sort((a, b) => a.track.localeCompare(b.track) || level(a) - level(b));
}

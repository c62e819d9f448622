// Exercise rows are synced from the files under exercises/ (the files are the truth). Keyed by
// the exercise's uuid, so a renamed folder keeps its drafts and submissions; a folder that
// vanished archives its row (history stays, the exercise leaves the catalogue). Refuses to sync
// anything while the loader reports problems: a half-valid catalogue is worse than a stale one.
import { loadExercises, type ExerciseProblem, type LoadedExercise } from "../../grader/core/load-exercises.ts";
import { db } from "../db.ts";

export class ExerciseSyncError extends Error {
  readonly problems: ExerciseProblem[];

  constructor(problems: ExerciseProblem[]) {
    const list = problems.map((p) => `  ${p.file}: ${p.message}`).join("\n");
    super(`exercises not synced: ${problems.length} problem(s) in the exercise files\n${list}`);
    this.name = "ExerciseSyncError";
    this.problems = problems;
  }
}

export type SyncResult = { upserted: number; created: number; updated: number; archived: number };

export async function syncExercises(options: { root?: string; load?: typeof loadExercises } = {}): Promise<SyncResult> {
  const { exercises, problems } = await (options.load ?? loadExercises)({ root: options.root });
  if (problems.length > 0) throw new ExerciseSyncError(problems);

  return db.$transaction(async (tx) => {
    const existing = await tx.exercise.findMany({
      select: { id: true, trackSlug: true, contentHash: true, archived: true },
    });
    const loadedIds = new Set(exercises.map((e) => e.uuid));
    const loadedSlugs = new Set(exercises.map((e) => e.id));
    const result: SyncResult = { upserted: exercises.length, created: 0, updated: 0, archived: 0 };

    for (const row of existing) {
      if (loadedIds.has(row.id)) continue;
      // A vanished exercise keeps its row; if a new exercise took its public id, the old row
      // steps aside under a suffixed public id so the unique index holds.
      const trackSlug = loadedSlugs.has(row.trackSlug) ? `${row.trackSlug}~${row.id.slice(0, 8)}` : row.trackSlug;
      if (!row.archived || trackSlug !== row.trackSlug) {
        await tx.exercise.update({ where: { id: row.id }, data: { archived: true, trackSlug } });
        if (!row.archived) result.archived += 1;
      }
    }
    // Renames may swap public ids between exercises: park renamed rows on a unique temporary
    // public id first (unique indexes are checked per statement).
    const byId = new Map(existing.map((row) => [row.id, row]));
    for (const exercise of exercises) {
      const row = byId.get(exercise.uuid);
      if (row && row.trackSlug !== exercise.id) {
        await tx.exercise.update({ where: { id: row.id }, data: { trackSlug: `~renaming~${row.id}` } });
      }
    }
    for (const exercise of exercises) {
      const row = byId.get(exercise.uuid);
      if (row && row.contentHash === exercise.contentHash && row.trackSlug === exercise.id && !row.archived) continue;
      const data = columns(exercise);
      await tx.exercise.upsert({ where: { id: exercise.uuid }, create: { id: exercise.uuid, ...data }, update: data });
      if (row) result.updated += 1;
      else result.created += 1;
    }
    return result;
  });
}

function columns(exercise: LoadedExercise) {
  return {
    trackSlug: exercise.id,
    track: exercise.track,
    title: exercise.title,
    summary: exercise.summary,
    difficulty: exercise.difficulty,
    concepts: exercise.concepts,
    language: exercise.language,
    statement: exercise.statement,
    starter: exercise.starter,
    hints: exercise.meta.hints,
    position: exercise.position,
    contentHash: exercise.contentHash,
    archived: false,
    syncedAt: new Date(),
  };
}

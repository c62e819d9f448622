// File layout of an exercise folder (../shared/DESIGN.md, Contracts §1), shared by the loader,
// the runners and `exercises check`, so the names live in one place.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Track } from "../../exercises/schema.ts";

export const SOURCE_EXTENSION: Record<Track, "ts" | "rs"> = { ts: "ts", rust: "rs" };

export type ExerciseLayout = {
  meta: string;
  statement: string;
  starter: string;
  tests: string;
  goodDir: string;
  badDir: string;
};

/** Paths (relative to the exercise folder) of the files every exercise of a track has. */
export function exerciseLayout(track: Track): ExerciseLayout {
  const ext = SOURCE_EXTENSION[track];
  return {
    meta: "exercise.json",
    statement: "statement.md",
    starter: `starter.${ext}`,
    tests: `tests.${ext}`,
    goodDir: path.join("solutions", "good"),
    badDir: path.join("solutions", "bad"),
  };
}

/** The default exercises folder of this repository. */
export function defaultExercisesRoot(): string {
  return path.resolve(import.meta.dirname, "..", "..", "exercises");
}

/** Sorted file names in a folder; [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** Every file under a folder, as sorted paths relative to it (for content hashes). */
export async function listFilesDeep(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

export function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

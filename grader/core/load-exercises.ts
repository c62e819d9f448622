// Loads every exercise under exercises/<track>/<slug>/ and reports every problem with its file
// (PrairieLearn-style: content files are the truth, validated all at once). The web server
// imports this through lib/exercises/sync-exercises.ts, so it must never import isolated-vm.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { TRACKS, type ExerciseMeta, type Language, type Track } from "../../exercises/schema.ts";
import { defaultExercisesRoot, isNotFound } from "./exercise-files.ts";
import { readExercise } from "./read-exercise.ts";

export type LoadedExercise = {
  id: string;
  uuid: string;
  track: Track;
  slug: string;
  title: string;
  summary: string;
  difficulty: "intro" | "core" | "stretch";
  concepts: string[];
  language: Language;
  position: number;
  /** Markdown shown to the student. */
  statement: string;
  starter: string;
  dir: string;
  /** sha256 over all files of the exercise folder. */
  contentHash: string;
  meta: ExerciseMeta;
};

export type ExerciseProblem = { file: string; message: string };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function loadExercises(
  options: { root?: string } = {},
): Promise<{ exercises: LoadedExercise[]; problems: ExerciseProblem[] }> {
  const root = path.resolve(options.root ?? defaultExercisesRoot());
  const exercises: LoadedExercise[] = [];
  const problems: ExerciseProblem[] = [];

  for (const track of TRACKS) {
    const trackDir = path.join(root, track);
    let entries;
    try {
      entries = await readdir(trackDir, { withFileTypes: true });
    } catch (error) {
      if (isNotFound(error)) continue;
      throw error;
    }
    // Folders starting with "_" hold shared harness code, not exercises.
    const slugs = entries
      .filter((e) => e.isDirectory() && !e.name.startsWith("_"))
      .map((e) => e.name)
      .sort();
    for (const slug of slugs) {
      const dir = path.join(trackDir, slug);
      if (!SLUG.test(slug)) {
        problems.push({ file: dir, message: `folder name "${slug}" is not a kebab-case slug` });
        continue;
      }
      const read = await readExercise({ dir, track, slug });
      problems.push(...read.problems);
      if (read.exercise) exercises.push(read.exercise);
    }
  }

  // A duplicated uuid (a copied folder) would merge two exercises' history: reject all copies.
  const byUuid = Map.groupBy(exercises, (e) => e.uuid);
  const duplicated = new Set<string>();
  for (const [uuid, group] of byUuid) {
    if (group.length < 2) continue;
    duplicated.add(uuid);
    for (const e of group) {
      const others = group
        .filter((o) => o !== e)
        .map((o) => o.id)
        .join(", ");
      problems.push({ file: path.join(e.dir, "exercise.json"), message: `uuid ${uuid} is also used by ${others}` });
    }
  }

  const kept = exercises
    .filter((e) => !duplicated.has(e.uuid))
    .sort((a, b) => a.track.localeCompare(b.track) || a.position - b.position || a.slug.localeCompare(b.slug));
  return { exercises: kept, problems };
}

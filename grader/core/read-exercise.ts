// Reads and checks one exercise folder. Every problem is collected (not just the first) so an
// author fixes a broken exercise in one pass; the caller decides what a problem blocks.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ExerciseMeta, TRACK_LANGUAGE, type Track } from "../../exercises/schema.ts";
import { exerciseLayout, isNotFound, listFiles, listFilesDeep, SOURCE_EXTENSION } from "./exercise-files.ts";
import type { ExerciseProblem, LoadedExercise } from "./load-exercises.ts";

type ReadResult = { exercise: LoadedExercise | null; problems: ExerciseProblem[] };

export async function readExercise(options: { dir: string; track: Track; slug: string }): Promise<ReadResult> {
  const { dir, track, slug } = options;
  const layout = exerciseLayout(track);
  const problems: ExerciseProblem[] = [];
  const problem = (file: string, message: string) => problems.push({ file: path.join(dir, file), message });

  const readText = async (file: string, what: string): Promise<string | null> => {
    try {
      const text = await readFile(path.join(dir, file), "utf8");
      if (text.trim() === "") problem(file, `${what} is empty`);
      return text;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      problem(file, `missing ${what} (${file})`);
      return null;
    }
  };

  const metaText = await readText(layout.meta, "metadata file");
  const statement = await readText(layout.statement, "statement");
  const starter = await readText(layout.starter, "starter code");
  await readText(layout.tests, "hidden tests");

  let meta: ExerciseMeta | null = null;
  if (metaText !== null) {
    let json: unknown;
    try {
      json = JSON.parse(metaText);
    } catch (error) {
      problem(layout.meta, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (json !== undefined) {
      const parsed = ExerciseMeta.safeParse(json);
      if (parsed.success) meta = parsed.data;
      for (const issue of parsed.error?.issues ?? []) {
        problem(layout.meta, `${issue.path.join(".") || "(root)"}: ${issue.message}`);
      }
    }
  }
  if (meta && meta.id !== `${track}/${slug}`) {
    problem(layout.meta, `id "${meta.id}" does not match its folder: expected "${track}/${slug}"`);
  }
  if (meta && meta.language !== TRACK_LANGUAGE[track]) {
    problem(
      layout.meta,
      `language "${meta.language}" does not belong to track "${track}" (expected "${TRACK_LANGUAGE[track]}")`,
    );
  }

  const ext = `.${SOURCE_EXTENSION[track]}`;
  const good = await listFiles(path.join(dir, layout.goodDir));
  if (!good.some((f) => f.endsWith(ext))) {
    problem(layout.goodDir, `no good solution: add at least one solutions/good/*${ext} that must pass`);
  }
  for (const file of good.filter((f) => !f.endsWith(ext))) {
    problem(path.join(layout.goodDir, file), `solutions must be *${ext} files`);
  }
  const bad = await listFiles(path.join(dir, layout.badDir));
  if (meta) {
    for (const file of bad) {
      if (!(file in meta.expectations.bad)) {
        problem(
          path.join(layout.badDir, file),
          `no expectation: add expectations.bad["${file}"] with its {status, reason} to ${layout.meta}`,
        );
      }
    }
    for (const file of Object.keys(meta.expectations.bad)) {
      if (!bad.includes(file)) {
        problem(layout.meta, `expectations.bad["${file}"] names a file that does not exist in ${layout.badDir}`);
      }
    }
  }

  if (problems.length > 0 || !meta || statement === null || starter === null) return { exercise: null, problems };
  const contentHash = await hashFolder(dir);
  const { id, uuid, title, summary, difficulty, concepts, language, position } = meta;
  return {
    exercise: {
      id,
      uuid,
      track,
      slug,
      title,
      summary,
      difficulty,
      concepts,
      language,
      position,
      statement,
      starter,
      dir,
      contentHash,
      meta,
    },
    problems,
  };
}

/** sha256 over every file's relative path and bytes, in path order: any edit changes it. */
async function hashFolder(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of await listFilesDeep(dir)) {
    hash.update(file.split(path.sep).join("/")).update("\0");
    hash.update(await readFile(path.join(dir, file))).update("\0");
  }
  return hash.digest("hex");
}

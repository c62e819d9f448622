// `exercises check`: every exercise's starter, good and bad solutions must get exactly the
// verdict its metadata names. Reports one line per check through `log`.
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Expectation } from "../../exercises/schema.ts";
import type { GradeResult } from "../contract.ts";
import { runnerAvailability } from "../runners/runner-for.ts";
import { exerciseLayout, listFiles, SOURCE_EXTENSION } from "./exercise-files.ts";
import { grade, newSeed } from "./grade.ts";
import { loadExercises } from "./load-exercises.ts";

export type CheckSummary = { passed: number; failed: number; skipped: string[]; problems: number };

/** Every file is graded with this fixed seed, and with one drawn for the whole run. */
export const FIXED_SEED = 1;

/**
 * `concurrency`: how many files are graded at the same time (default: one per core, at most 4).
 * Verdicts must not depend on the machine's load, so grading side by side is itself a check.
 */
export async function checkExercises(options: {
  root?: string;
  log: (line: string) => void;
  seeds?: number[];
  concurrency?: number;
  only?: string;
}): Promise<CheckSummary> {
  const { log } = options;
  const seeds = options.seeds ?? [FIXED_SEED, newSeed()];
  const concurrency = Math.max(1, options.concurrency ?? Math.min(availableParallelism(), 4));
  log(
    `seeds: ${seeds.join(", ")} (replay one file with ./interleave grade <id> <file> --seed N); ${concurrency} file(s) at a time`,
  );
  const { exercises, problems } = await loadExercises({ root: options.root });
  const summary: CheckSummary = { passed: 0, failed: 0, skipped: [], problems: problems.length };
  for (const p of problems) log(`PROBLEM ${p.file}: ${p.message}`);

  const jobs: { exercise: (typeof exercises)[number]; check: { file: string; expected: Expectation } }[] = [];
  // `only`: an exercise id or the start of one ("rust/", "ts/shared-counter").
  for (const exercise of exercises.filter((e) => !options.only || e.id.startsWith(options.only))) {
    const availability = await runnerAvailability(exercise.language);
    if (!availability.ok) {
      summary.skipped.push(exercise.id);
      log(`SKIPPED ${exercise.id}: ${availability.why}`);
      continue;
    }
    const layout = exerciseLayout(exercise.track);
    const ext = `.${SOURCE_EXTENSION[exercise.track]}`;
    const checks: { file: string; expected: Expectation }[] = [
      { file: layout.starter, expected: exercise.meta.expectations.starter },
    ];
    for (const file of await listFiles(path.join(exercise.dir, layout.goodDir))) {
      if (file.endsWith(ext)) checks.push({ file: path.join(layout.goodDir, file), expected: { status: "pass" } });
    }
    for (const [file, expected] of Object.entries(exercise.meta.expectations.bad)) {
      checks.push({ file: path.join(layout.badDir, file), expected });
    }
    jobs.push(...checks.map((check) => ({ exercise, check })));
  }

  // Workers take the next file in order; each file's lines are logged when it is done.
  let next = 0;
  const worker = async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      const { exercise, check } = job;
      const code = await readFile(path.join(exercise.dir, check.file), "utf8");
      const want = check.expected.status === "pass" ? "pass" : `${check.expected.status}/${check.expected.reason}`;
      const seen: string[] = [];
      let failure: string | null = null;
      for (const seed of seeds) {
        const started = performance.now();
        const result = await grade({ exerciseId: exercise.id, code, seed, exercisesRoot: options.root });
        const got = verdictOf(result);
        seen.push(`${((performance.now() - started) / 1000).toFixed(2)} s`);
        if (got !== want) {
          failure = `expected ${want}, got ${got} with --seed ${seed}: ${result.message}`;
          break;
        }
      }
      if (failure === null) {
        summary.passed += 1;
        log(`ok   ${exercise.id} ${check.file} -> ${want} (${seen.join(", ")})`);
      } else {
        summary.failed += 1;
        log(`FAIL ${exercise.id} ${check.file}: ${failure}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summary;
}

function verdictOf(result: GradeResult): string {
  return result.status === "pass" ? "pass" : `${result.status}/${result.reason ?? "?"}`;
}

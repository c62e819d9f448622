// `exercises check`: every exercise's starter, good and bad solutions must get exactly the
// verdict its metadata names. Reports one line per check through `log`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Expectation } from "../../exercises/schema.ts";
import type { GradeResult } from "../contract.ts";
import { runnerAvailability } from "../runners/runner-for.ts";
import { exerciseLayout, listFiles, SOURCE_EXTENSION } from "./exercise-files.ts";
import { grade } from "./grade.ts";
import { loadExercises } from "./load-exercises.ts";

export type CheckSummary = { passed: number; failed: number; skipped: string[]; problems: number };

export async function checkExercises(options: { root?: string; log: (line: string) => void }): Promise<CheckSummary> {
  const { log } = options;
  const { exercises, problems } = await loadExercises({ root: options.root });
  const summary: CheckSummary = { passed: 0, failed: 0, skipped: [], problems: problems.length };
  for (const p of problems) log(`PROBLEM ${p.file}: ${p.message}`);

  for (const exercise of exercises) {
    const availability = await runnerAvailability(exercise.language);
    if (!availability.ok) {
      summary.skipped.push(exercise.id);
      log(`SKIPPED ${exercise.id}: ${availability.why}`);
      continue;
    }
    const layout = exerciseLayout(exercise.track);
    const ext = `.${SOURCE_EXTENSION[exercise.track]}`;
    const checks: { file: string; expected: Expectation }[] = [{ file: layout.starter, expected: exercise.meta.expectations.starter }];
    for (const file of await listFiles(path.join(exercise.dir, layout.goodDir))) {
      if (file.endsWith(ext)) checks.push({ file: path.join(layout.goodDir, file), expected: { status: "pass" } });
    }
    for (const [file, expected] of Object.entries(exercise.meta.expectations.bad)) {
      checks.push({ file: path.join(layout.badDir, file), expected });
    }
    for (const check of checks) {
      const started = performance.now();
      const code = await readFile(path.join(exercise.dir, check.file), "utf8");
      const result = await grade({ exerciseId: exercise.id, code, exercisesRoot: options.root });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const got = verdictOf(result);
      const want = check.expected.status === "pass" ? "pass" : `${check.expected.status}/${check.expected.reason}`;
      if (got === want) {
        summary.passed += 1;
        log(`ok   ${exercise.id} ${check.file} -> ${got} (${seconds} s)`);
      } else {
        summary.failed += 1;
        log(`FAIL ${exercise.id} ${check.file}: expected ${want}, got ${got} (${seconds} s): ${result.message}`);
      }
    }
  }
  return summary;
}

function verdictOf(result: GradeResult): string {
  return result.status === "pass" ? "pass" : `${result.status}/${result.reason ?? "?"}`;
}

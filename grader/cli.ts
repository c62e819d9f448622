// `./interleave grade` and `./interleave exercises …` (DESIGN.md §6). Exit codes: 0 whenever a
// GradeResult was produced (any status), 2 for usage errors, 1 only when none could be.
// stdout carries results only; logs and usage go to stderr.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkQuizzes } from "../exercises/quizzes/check-quizzes.ts";
import { rustcAvailable, rustcCompiler } from "../exercises/quizzes/rustc-compile.ts";
import { findToolchain } from "./runners/rust/toolchain/find-toolchain.ts";
import { readRustState } from "./runners/rust/toolchain/rust-paths.ts";
import { verifyCompileClaims } from "../exercises/quizzes/verify-compile-claims.ts";
import { nodeRunner, rustRunner } from "../exercises/quizzes/run-programs.ts";
import { verifyRunClaims } from "../exercises/quizzes/verify-run-claims.ts";
import { writeQuizSchema } from "../exercises/quizzes/write-schema.ts";
import { exerciseJsonSchema } from "../exercises/schema.ts";
import { checkExercises } from "./core/check-exercises.ts";
import { defaultExercisesRoot, isNotFound } from "./core/exercise-files.ts";
import { grade, UnknownExerciseError } from "./core/grade.ts";
import { runnerAvailability } from "./runners/runner-for.ts";
import { Seed } from "./contract.ts";
import { formatResult } from "./format-result.ts";

const GRADE_USAGE = "usage: ./interleave grade <exercise-id> <file> [--json] [--seed N]\n";
const EXERCISES_USAGE =
  "usage: ./interleave exercises check [--no-skip] [--only <id or id prefix>]\n       ./interleave exercises schema [--check]\n";

const usage = (message: string, text: string) => {
  process.stderr.write(`${message}\n${text}`);
  return 2;
};

export async function gradeCommand(argv: string[]): Promise<number> {
  const seedAt = argv.indexOf("--seed");
  const seedText = seedAt >= 0 ? argv[seedAt + 1] : undefined;
  const seed = seedText === undefined ? undefined : Seed.safeParse(Number(seedText));
  if (seedAt >= 0 && !seed?.success) return usage(`--seed takes an integer from 0 to ${2 ** 32 - 1}`, GRADE_USAGE);
  const args = seedAt >= 0 ? argv.filter((_, i) => i !== seedAt && i !== seedAt + 1) : argv;
  const json = args.includes("--json");
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--json");
  const positional = args.filter((a) => !a.startsWith("-"));
  if (unknown.length > 0) return usage(`unknown option: ${unknown.join(" ")}`, GRADE_USAGE);
  const [exerciseId, file, ...extra] = positional;
  if (!exerciseId || !file || extra.length > 0) return usage("expected an exercise id and a file", GRADE_USAGE);

  let code: string;
  try {
    code = await readFile(file, "utf8");
  } catch (error) {
    const why = isNotFound(error) ? "no such file" : error instanceof Error ? error.message : String(error);
    return usage(`cannot read ${file}: ${why}`, GRADE_USAGE);
  }
  try {
    const result = await grade({ exerciseId, code, ...(seed?.success ? { seed: seed.data } : {}) });
    process.stdout.write(json ? `${JSON.stringify(result)}\n` : formatResult(exerciseId, result));
    return 0;
  } catch (error) {
    if (error instanceof UnknownExerciseError) return usage(error.message, GRADE_USAGE);
    process.stderr.write(
      `grading failed without a result: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

export async function exercisesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "check") {
    const onlyAt = rest.indexOf("--only");
    const only = onlyAt >= 0 ? rest[onlyAt + 1] : undefined;
    const flags = rest.filter((_, i) => onlyAt < 0 || (i !== onlyAt && i !== onlyAt + 1));
    if (flags.every((a) => a === "--no-skip") && (onlyAt < 0 || only)) return check(flags.includes("--no-skip"), only);
  }
  if (sub === "schema" && rest.every((a) => a === "--check")) return schema(rest.includes("--check"));
  return usage(
    sub ? `unknown exercises command: ${[sub, ...rest].join(" ")}` : "missing exercises command",
    EXERCISES_USAGE,
  );
}

async function check(noSkip: boolean, only: string | undefined): Promise<number> {
  const summary = await checkExercises({ log: (line) => process.stdout.write(`${line}\n`), only });
  if (summary.skipped.length > 0) {
    const banner = `!!! SKIPPED ${summary.skipped.length} exercise(s) because their toolchain is missing: ${summary.skipped.join(", ")}`;
    process.stderr.write(
      `\n${banner}\n!!! These were NOT checked.${noSkip ? " --no-skip makes this a failure." : ""}\n\n`,
    );
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const quizzes = checkQuizzes({ log });
  // does-it-compile keys are proven by rustc wherever the Rust toolchain is available.
  const rust = await runnerAvailability("rust");
  // The same rustc the Rust runner found (rustup's is often not on PATH, e.g. in CI).
  const rustc = (await findToolchain())?.rustc ?? "rustc";
  const noCompiler = !rust.ok ? rust.why : (await rustcAvailable(rustc)) ? null : `no usable rustc (${rustc})`;
  const claims = await verifyCompileClaims(
    noCompiler === null ? { compile: rustcCompiler({ rustc }), log } : { unavailable: noCompiler, log },
  );
  if (claims.skipped > 0) {
    process.stderr.write(
      `\n!!! SKIPPED ${claims.skipped} quiz does-it-compile claim(s): ${noCompiler}\n!!! Their answer keys were NOT verified by compiling.${noSkip ? " --no-skip makes this a failure." : ""}\n\n`,
    );
  }
  // Output, order and timing keys are proven by running the programs (paused clock for async Rust).
  const state = rust.ok ? await readRustState() : null;
  const runs = await verifyRunClaims({
    run: { typescript: nodeRunner(), ...(state ? { rust: rustRunner(state) } : {}) },
    unavailable: { rust: rust.ok ? "./interleave rust setup has not run" : rust.why },
    log,
  });
  if (runs.skipped > 0) {
    process.stderr.write(
      `\n!!! SKIPPED ${runs.skipped} quiz program(s): no Rust toolchain\n!!! Their answer keys were NOT verified by running.${noSkip ? " --no-skip makes this a failure." : ""}\n\n`,
    );
  }
  const passed = summary.passed + quizzes.passed + claims.passed + runs.passed;
  const failed =
    summary.failed +
    summary.problems +
    quizzes.failed +
    claims.failed +
    runs.failed +
    (noSkip ? summary.skipped.length + claims.skipped + runs.skipped : 0);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

async function schema(verify: boolean): Promise<number> {
  const file = path.join(defaultExercisesRoot(), "exercise.schema.json");
  const wanted = exerciseJsonSchema();
  const quizSchema = await writeQuizSchema({ check: verify });
  if (quizSchema.stale) {
    process.stderr.write("exercises/quizzes/quiz.schema.json is stale: run ./interleave exercises schema\n");
    return 1;
  }
  if (!verify) {
    await writeFile(file, wanted);
    process.stderr.write(`wrote ${path.relative(process.cwd(), file)}\n`);
    return 0;
  }
  const current = await readFile(file, "utf8").catch(() => "");
  if (current === wanted) return 0;
  process.stderr.write(`${path.relative(process.cwd(), file)} is stale: run ./interleave exercises schema\n`);
  return 1;
}

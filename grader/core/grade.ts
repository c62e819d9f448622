// grade(): the grading engine's entry point for the worker and the CLI. Student code never
// runs in this process: a child process runs it, and a watchdog above the run's own limits
// kills that child. Whatever happens, a student's submission yields a GradeResult.
import { randomInt } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import { TRACKS, type Track } from "../../exercises/schema.ts";
import { GradeResult, statusOfReason, type Reason } from "../contract.ts";
import { runnerAvailability } from "../runners/runner-for.ts";
import { defaultExercisesRoot } from "./exercise-files.ts";
import { CHILD_MEMORY_CAP_MB, GraderChild, type ChildOutcome } from "./grader-child.ts";
import { readExercise } from "./read-exercise.ts";
import type { LoadedExercise } from "./load-exercises.ts";

/** The id names no exercise: a caller's mistake (CLI usage error), not a grading result. */
export class UnknownExerciseError extends Error {
  constructor(readonly exerciseId: string) {
    super(`unknown exercise "${exerciseId}" (ids look like ts/shared-counter)`);
    this.name = "UnknownExerciseError";
  }
}

/** Child start-up and result overhead on top of the runner's own budget. */
const CHILD_OVERHEAD_MS = 10_000;
/** A grade makes several calls; the runner stops after the first timeout. */
const CALLS_BUDGET = 8;

let spare: GraderChild | null = null;
let grades = 0;
let hangs = 0;

/** Grading children that hung and were replaced in this process (benchmarks report it). */
export function childHangs(): number {
  return hangs;
}

/**
 * A child that hung (heartbeat lost, or the wall-clock watchdog) is graded once more in a fresh
 * child: the runner's own limits end every slow or endless submission with a result long
 * before either fires, so a hang is the grader's fault (a rare one inside isolated-vm) and
 * must not become the student's verdict. A second hang is reported as it is.
 */
export async function withOneRetry(
  run: () => Promise<ChildOutcome>,
  onRetry: (first: ChildOutcome & { kind: "crash" }) => void,
): Promise<ChildOutcome> {
  const first = await run();
  if (first.kind !== "crash" || !(first.stalled || first.watchdog) || first.memoryKill) return first;
  hangs += 1;
  onRetry(first);
  return run();
}

/** A fresh seed for a grade's inputs. */
export function newSeed(): number {
  return randomInt(2 ** 32);
}

/** `seed`: replays one grade's inputs (the CLI's --seed); a fresh one is drawn otherwise. */
export async function grade(options: {
  exerciseId: string;
  code: string;
  seed?: number;
  signal?: AbortSignal;
  exercisesRoot?: string;
}): Promise<GradeResult> {
  const seed = options.seed ?? newSeed();
  return { ...(await gradeWithSeed({ ...options, seed })), seed };
}

async function gradeWithSeed(options: {
  exerciseId: string;
  code: string;
  seed: number;
  signal?: AbortSignal;
  exercisesRoot?: string;
}): Promise<GradeResult> {
  options.signal?.throwIfAborted();
  const exercise = await findExercise(options.exerciseId, options.exercisesRoot ?? defaultExercisesRoot());
  if ("broken" in exercise)
    return errorResult("internal", `exercise ${options.exerciseId} is broken: ${exercise.broken}`);
  const availability = await runnerAvailability(exercise.language);
  if (!availability.ok) return errorResult("internal", `cannot grade ${exercise.language} here: ${availability.why}`);

  const job = {
    type: "grade",
    exerciseId: exercise.id,
    dir: exercise.dir,
    meta: exercise.meta,
    code: options.code,
    seed: options.seed,
  } as const;
  const watchdogMs = CHILD_OVERHEAD_MS + exercise.meta.limits.wallMs * CALLS_BUDGET;
  let outcome: ChildOutcome;
  try {
    outcome = await withOneRetry(
      () => {
        const child = spare?.alive ? spare : new GraderChild();
        spare = null;
        return child.run(job, { watchdogMs, signal: options.signal });
      },
      (first) =>
        process.stderr.write(
          `grading child hung (${first.stalled ? "heartbeat lost" : "watchdog"}) on ${exercise.id}; grading once more in a fresh child\n`,
        ),
    );
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return errorResult(
      "internal",
      `the grader could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  grades += 1;
  // Pre-start the next child once this grade is over (never during one: it would compete for
  // the CPU), and only in processes that grade more than once (worker, exercises check).
  if (grades > 1) spare = new GraderChild();
  return resultOf(outcome, exercise.meta.limits.wallMs * CALLS_BUDGET);
}

async function findExercise(id: string, root: string): Promise<LoadedExercise | { broken: string }> {
  const [track, slug, ...rest] = id.split("/");
  if (!isTrack(track) || !slug || rest.length > 0 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
    throw new UnknownExerciseError(id);
  const dir = path.join(root, track, slug);
  const found = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!found) throw new UnknownExerciseError(id);
  const read = await readExercise({ dir, track, slug });
  if (!read.exercise)
    return {
      broken: read.problems.map((p) => `${path.relative(root, p.file)}: ${p.message}`).join("; ") || "unreadable",
    };
  return read.exercise;
}

function isTrack(value: string | undefined): value is Track {
  return (TRACKS as readonly (string | undefined)[]).includes(value);
}

function resultOf(outcome: ChildOutcome, budgetMs: number): GradeResult {
  if (outcome.kind === "result") {
    const parsed = GradeResult.safeParse(outcome.result);
    return parsed.success ? parsed.data : errorResult("internal", "the grader produced an invalid result");
  }
  if (outcome.memoryKill) {
    return errorResult(
      "memory_limit",
      `the grading process used more than ${CHILD_MEMORY_CAP_MB} MB and was stopped: memory escaped the per-call limits`,
    );
  }
  if (outcome.catastrophe === "memory") {
    return errorResult(
      "memory_limit",
      "ran out of memory: one object grew larger than V8 can hold in the sandbox (for example an object with a million keys, or a Map with millions of entries), so the grade was stopped",
    );
  }
  if (outcome.stalled) return errorResult("timeout", "the grading process stopped responding twice and was stopped");
  if (outcome.watchdog && outcome.starvedOut) {
    return errorResult(
      "internal",
      "the grading machine was too busy to give this grade its time; nothing was judged about your code — submit again",
    );
  }
  if (outcome.watchdog)
    return errorResult(
      "timeout",
      `grading took longer than ${Math.round((budgetMs + CHILD_OVERHEAD_MS) / 1000)} s and was stopped`,
    );
  if (/out of memory|Allocation failed|heap limit/i.test(outcome.stderr) || outcome.signal === "SIGKILL") {
    return errorResult("memory_limit", "the grading process ran out of memory and was stopped");
  }
  const how = outcome.signal ? `signal ${outcome.signal}` : `exit code ${outcome.code ?? "?"}`;
  process.stderr.write(`grading child crashed (${how}):\n${outcome.stderr}\n`);
  return errorResult("internal", `the grader crashed (${how}); this is our bug, not yours`);
}

export function errorResult(reason: Reason, message: string): GradeResult {
  const status = statusOfReason(reason);
  return GradeResult.parse({
    version: 1,
    status,
    reason,
    message,
    score: 0,
    tests: [],
    diagnostics: [],
    stdout: "",
    stderr: "",
    truncated: false,
  });
}

// What an exercise's hidden tests (exercises/ts/<slug>/tests.ts) see. The tests run on the
// HOST, in the grading process: they call the student's exports through the runner, receive
// copied plain values plus host-measured stats, and decide verdicts in host code. Nothing the
// student's code does to its own globals (JSON, Atomics, console, prototypes) reaches here.
import type { FailReason, Timing } from "../../contract.ts";
import type { Limits } from "../../../exercises/schema.ts";
import { DEFAULT_RULES, judgeParallel, type ParallelFigures } from "./parallelism.ts";
import type { CallStats } from "./run-call.ts";
import type { FetchServer } from "./runtime.ts";
import type { Rng } from "../../../exercises/quizzes/rng.ts";
import { safeStringify, toPlainData } from "../../plain-data.ts";

export type CallResult = { value: unknown; stats: CallStats };

export type CallOptions = {
  /** The fake server behind fetchData(url) in this call: latency and value (or error) per url. */
  serve?: FetchServer;
  /** Runs the harness's "heartbeat" task next to the student's code (see stats.heartbeat). */
  heartbeatMs?: number;
  /** isPrime(n) for n at or above this is no part of the call's work (its workers' work clocks ignore it). */
  primesCountedBelow?: number;
};

export type TestVerdict =
  | { status: "pass"; message?: string; expected?: unknown; actual?: unknown; timing?: Timing }
  | { status: "fail"; reason: FailReason; message: string; expected?: unknown; actual?: unknown; timing?: Timing };

type Details = { expected?: unknown; actual?: unknown; timing?: Timing };

export interface TestContext {
  readonly limits: Limits;
  /** The exercise's `thresholds` from exercise.json. */
  readonly thresholds: Readonly<Record<string, number>>;
  /** The grade's input seed (GradeResult.seed): `./interleave grade --seed N` replays it. */
  readonly seed: number;
  /**
   * Draws this test's inputs (ids, counts, latencies, values) from the seed, so they change
   * every grade and a remembered or hard-coded answer fails. The same seed and test name always
   * give the same draws. Every draw must still trigger each bad solution's defect.
   */
  readonly rng: Rng;
  /**
   * Calls an exported function of the student's module in fresh isolates and resolves with its
   * return value (a copy) and the run's stats. When the call itself goes wrong (timeout, memory,
   * a crashed or unjoined worker, too many workers, a throw, a missing export) this rejects and
   * the runner turns that into the test's verdict: tests only handle calls that finished.
   * A slice longer than the exercise's `thresholds.maxStallMs` (when set) is such a failure too
   * (blocked_runtime), and so is a deadlock.
   */
  call(exportName: string, args: unknown[], options?: CallOptions): Promise<CallResult>;
  pass(message?: string, details?: Details): TestVerdict;
  fail(reason: FailReason, message: string, details?: Details): TestVerdict;
}

export type ExerciseTest = {
  name: string;
  /**
   * "virtual": sleeps and I/O take their nominal time on a clock that jumps whenever nothing
   * runs (exact, no real waiting); "real" (the default): wall-clock time.
   */
  clock?: "real" | "virtual";
  run(t: TestContext): Promise<TestVerdict>;
};

export type ExerciseTests = {
  /** Exports the student's module must provide, checked before any test runs. */
  exports: Record<string, "function">;
  tests: ExerciseTest[];
};

/** Identity helper that gives tests.ts files their types. */
export function defineTests(spec: ExerciseTests): ExerciseTests {
  return spec;
}

/** `value` described for a message: its type, and the value itself when short. Never throws. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(toPlainData(value, { budget: 200, maxDepth: 4 })) ?? "undefined";
  const kind =
    value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "bigint" ? "a BigInt" : typeof value;
  return text.length <= 60 ? `${kind} ${text}` : kind;
}

/**
 * Student values compared as JSON text: the same as JSON.stringify for plain data, never a
 * throw for what JSON cannot write (BigInt, cycles). Use it instead of JSON.stringify on
 * anything a call returned.
 */
export { safeStringify };

/**
 * Whether one call's workers ran in parallel — at the same time, with the work divided among
 * them and not done on the main isolate (parallelism.ts) — under the exercise's thresholds
 * `minWorkSpread`, `minOverlap` and `maxMainShare`. `fail` is null when they did; otherwise a
 * not_parallel verdict whose message quotes the figures that decided it; what to do about it
 * belongs in the exercise's hints, not in the verdict.
 */
export function parallelCheck(
  t: TestContext,
  stats: CallStats,
  options: { prefix: string },
): { fail: TestVerdict | null; summary: string; figures: ParallelFigures } {
  const rules = {
    minSpread: t.thresholds.minWorkSpread ?? DEFAULT_RULES.minSpread,
    minOverlap: t.thresholds.minOverlap ?? DEFAULT_RULES.minOverlap,
    maxMainShare: t.thresholds.maxMainShare ?? DEFAULT_RULES.maxMainShare,
  };
  const judged = judgeParallel(stats, rules);
  if (judged.parallel) return { fail: null, summary: judged.summary, figures: judged.figures };
  const expected = `overlap >= ${rules.minOverlap}, main share <= ${rules.maxMainShare}, work spread >= ${rules.minSpread}`;
  const fail = t.fail("not_parallel", `${options.prefix}${judged.message}.`, { expected, actual: judged.figures });
  return { fail, summary: judged.message, figures: judged.figures };
}

// The TypeScript runner: transpile, check the module once, then run the exercise's hidden
// tests (host code) against fresh isolates, and fold their verdicts into one GradeResult.
import { randomInt } from "node:crypto";
import path from "node:path";
import { createRng } from "../../../exercises/quizzes/rng.ts";
import type { Diagnostic, GradeResult, Span, TestResult } from "../../contract.ts";
import { sanitizeGradeResult } from "../../core/sanitize-result.ts";
import type { ExerciseMeta } from "../../../exercises/schema.ts";
import type { ExerciseTests, TestContext, TestVerdict } from "./harness-api.ts";
import { loadExerciseTests } from "./load-tests.ts";
import { OutputSink } from "./output-sink.ts";
import { probeModule } from "./probe-module.ts";
import { runCall, type CallStats } from "./run-call.ts";
import type { RuntimeOptions } from "./runtime.ts";
import { renamedIdentifiers, transpileStudentCode, withSourceNames } from "./transpile.ts";
import { errorMessage, verdict, type Verdict } from "./verdicts.ts";
import { JIT_FLAG } from "./jit-flag.ts";

/** Tests stop after a verdict like these: the next call would most likely hit the same wall. */
const STOPS_THE_RUN = new Set(["timeout", "memory_limit", "output_limit", "internal"]);

const MAX_SPANS = 5000;

/** `seed`: the grade's input seed (grade() always passes one; tests may leave it to chance). */
export async function gradeTypeScript(options: {
  code: string;
  dir: string;
  meta: ExerciseMeta;
  seed?: number;
}): Promise<GradeResult> {
  const seed = options.seed ?? randomInt(2 ** 32);
  const { meta } = options;
  if (!process.execArgv.includes(JIT_FLAG)) {
    return resultOf({
      tests: [],
      output: new OutputSink(),
      diagnostics: [],
      early: verdict("internal", `the TypeScript runner must run under node ${JIT_FLAG}`),
    });
  }
  const spec = await loadExerciseTests({ file: path.join(options.dir, "tests.ts") });
  const output = new OutputSink();
  const transpiled = await transpileStudentCode({ code: options.code });
  if (!transpiled.ok) {
    const first = transpiled.diagnostics[0];
    const where = first ? `line ${first.line}, column ${first.column}: ${first.message}` : "syntax error";
    const early = verdict("compile_error", `your code does not compile (${where})`);
    return resultOf({ tests: skipped(spec, early), output, diagnostics: transpiled.diagnostics, early });
  }
  const base = { js: transpiled.js, map: transpiled.map, source: options.code, limits: meta.limits, output };
  const blocked = await probeModule({ ...base, exportsWanted: spec.exports });
  if (blocked) return resultOf({ tests: skipped(spec, blocked), output, diagnostics: [], early: blocked });

  const tests: TestResult[] = [];
  let stop: Verdict | null = null;
  for (const test of spec.tests) {
    if (stop) {
      tests.push({
        name: test.name,
        status: stop.status,
        reason: stop.reason,
        message: `not run: an earlier test ended with ${stop.reason}`,
        durationMs: 0,
        clock: test.clock ?? "real",
      });
      continue;
    }
    const started = performance.now();
    const clock = test.clock ?? "real";
    // The trace's time axis: wall time since the test started, or the sum of its calls' virtual time.
    let virtualOffset = 0;
    const calls: CallStats[] = [];
    let callVerdict: Verdict | null = null;
    const t: TestContext = {
      limits: meta.limits,
      thresholds: meta.thresholds,
      seed,
      rng: createRng(`${seed}:${test.name}`),
      call: async (exportName, args, callOptions = {}) => {
        const runtime: RuntimeOptions = { clock, maxStallMs: meta.thresholds.maxStallMs, ...callOptions };
        const origin = clock === "virtual" ? virtualOffset : performance.now() - started;
        const outcome = await runCall({ ...base, exportName, args, runtime, origin });
        virtualOffset += outcome.stats.virtualMs;
        calls.push(outcome.stats);
        if (outcome.ok) return { value: outcome.value, stats: outcome.stats };
        callVerdict ??= outcome.verdict;
        throw new CallFailed(outcome.verdict);
      },
      pass: (message, details) => ({ status: "pass", message, ...details }),
      fail: (reason, message, details) => ({ status: "fail", reason, message, ...details }),
    };
    let decided: TestVerdict | Verdict;
    try {
      decided = await test.run(t);
    } catch (error) {
      decided =
        error instanceof CallFailed
          ? error.verdict
          : verdict("internal", `hidden test "${test.name}" crashed: ${errorMessage(error)}`);
    }
    // A failed call decides the test even if the test code caught the rejection.
    const final = callVerdict ?? decided;
    tests.push(testResultOf(test.name, clock, final, calls, performance.now() - started));
    if (final.status !== "pass" && STOPS_THE_RUN.has(final.reason)) stop = final;
  }
  // Messages name the student's identifiers, not esbuild's renamed ones.
  const renames = renamedIdentifiers(options.code, transpiled.js);
  const named = tests.map((t) => (t.message ? { ...t, message: withSourceNames(t.message, renames) } : t));
  return resultOf({ tests: named, output, diagnostics: [], early: null });
}

class CallFailed extends Error {
  constructor(readonly verdict: Verdict) {
    super(verdict.message);
  }
}

function testResultOf(
  name: string,
  clock: "real" | "virtual",
  v: TestVerdict | Verdict,
  calls: CallStats[],
  durationMs: number,
): TestResult {
  const last = calls.at(-1);
  const measured = last
    ? {
        wallMs: last.wallMs,
        cpuMs: last.cpuMs,
        // Spread says nothing about a call that ran on one thread.
        ...(last.threadsUsed > 1 ? { workSpread: last.workSpread } : {}),
        threadsUsed: last.threadsUsed,
        longestStallMs: last.longestStallMs,
        ...(clock === "virtual" ? { virtualMs: last.virtualMs } : {}),
      }
    : undefined;
  const trace: Span[] = calls.flatMap((c) => c.trace).slice(0, MAX_SPANS);
  const given = "timing" in v ? v.timing : undefined;
  return {
    name,
    status: v.status,
    ...(v.status !== "pass" ? { reason: v.reason } : {}),
    ...(v.message ? { message: clip(v.message) } : {}),
    ...("expected" in v && v.expected !== undefined ? { expected: v.expected } : {}),
    ...("actual" in v && v.actual !== undefined ? { actual: v.actual } : {}),
    durationMs: Math.round(durationMs * 100) / 100,
    clock,
    ...((given ?? measured) ? { timing: given ?? measured } : {}),
    ...(trace.length > 0 ? { trace } : {}),
  };
}

function skipped(spec: ExerciseTests, why: Verdict): TestResult[] {
  return spec.tests.map((t) => ({
    name: t.name,
    status: why.status,
    reason: why.reason,
    message: "not run: the module could not be used",
    durationMs: 0,
    clock: t.clock ?? "real",
  }));
}

function resultOf(options: {
  tests: TestResult[];
  output: OutputSink;
  diagnostics: Diagnostic[];
  early: Verdict | null;
}): GradeResult {
  const { tests, output } = options;
  const passed = tests.filter((t) => t.status === "pass").length;
  const firstBad = options.early ?? tests.find((t) => t.status !== "pass");
  const base = {
    version: 1 as const,
    score: tests.length > 0 ? passed / tests.length : 0,
    tests,
    diagnostics: options.diagnostics,
    stdout: output.text("stdout"),
    stderr: output.text("stderr"),
    truncated: output.truncated,
  };
  if (!firstBad || firstBad.status === "pass" || !firstBad.reason) {
    return sanitizeGradeResult({ ...base, status: "pass", message: `All ${tests.length} tests passed.` });
  }
  return sanitizeGradeResult({
    ...base,
    status: firstBad.status,
    reason: firstBad.reason,
    message: clip(firstBad.message ?? firstBad.reason),
  });
}

const clip = (text: string) => (text.length > 3900 ? `${text.slice(0, 3900)}…` : text);

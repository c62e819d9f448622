// Test helper: runs one call of a student module given as source, with small limits, so the
// runner's unit tests read like the student code they exercise.
import type { Limits } from "../../../exercises/schema.ts";
import { OutputSink } from "./output-sink.ts";
import { runCall, type CallOutcome } from "./run-call.ts";
import type { RuntimeOptions } from "./runtime.ts";
import { transpileStudentCode } from "./transpile.ts";
import type { Verdict } from "./verdicts.ts";

// The wall limit is far above what any fixture needs on a quiet machine: CPU-bound fixtures
// (300 ms of work) must end with their own verdict on a crowded one too, where they take several
// times as long (figures: bench/RESULTS.md "Figures behind limits and sizes"). Tests of the wall limit itself set their own.
export const FIXTURE_LIMITS: Limits = { cpuMs: 3000, wallMs: 20_000, memoryMb: 32, maxWorkers: 4 };

export async function callFixture(
  code: string,
  options: {
    args?: unknown[];
    limits?: Partial<Limits>;
    output?: OutputSink;
    name?: string;
    runtime?: Partial<RuntimeOptions>;
  } = {},
): Promise<CallOutcome> {
  const transpiled = await transpileStudentCode({ code });
  if (!transpiled.ok) throw new Error(`fixture does not compile: ${transpiled.diagnostics[0]?.message}`);
  return runCall({
    js: transpiled.js,
    map: transpiled.map,
    source: code,
    exportName: options.name ?? "main",
    args: options.args ?? [],
    limits: { ...FIXTURE_LIMITS, ...options.limits },
    output: options.output ?? new OutputSink(),
    runtime: { clock: "virtual", ...options.runtime },
    origin: 0,
  });
}

export function valueOf(outcome: CallOutcome): unknown {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.verdict.reason}: ${outcome.verdict.message}`);
  return outcome.value;
}

export function verdictOf(outcome: CallOutcome): Verdict {
  if (outcome.ok) throw new Error(`expected a verdict, got value ${JSON.stringify(outcome.value)}`);
  return outcome.verdict;
}

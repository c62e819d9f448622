// The last pass before a GradeResult is parsed: whatever a student's value or name did to the
// pieces (a 50 MB string in `actual`, a BigInt, a cycle, a 1,000,000-character task name),
// the result is cut down to what the schema allows instead of failing it. Truncated, never
// rejected: a result that fails to parse would turn the student's mistake into `internal`.
import {
  GradeResult,
  OUTPUT_CAP_BYTES,
  type Diagnostic,
  type Span,
  type TestResult,
  type Timing,
} from "../contract.ts";
import { clipText, toPlainData } from "../plain-data.ts";

const number = (n: unknown): number => (typeof n === "number" && Number.isFinite(n) && n >= 0 ? n : 0);
const position = (n: unknown): number => (typeof n === "number" && Number.isInteger(n) && n >= 1 ? n : 1);

function timingOf(t: Timing): Timing {
  const out: Timing = {};
  for (const [key, value] of Object.entries(t) as [keyof Timing, unknown][]) {
    if (typeof value === "number" && Number.isFinite(value) && value >= 0)
      out[key] = key === "threadsUsed" ? Math.round(value) : value;
  }
  return out;
}

function spanOf(s: Span): Span {
  return {
    task: clipText(s.task, 200),
    thread: clipText(s.thread, 200),
    kind: s.kind,
    start: number(s.start),
    end: Math.max(number(s.end), number(s.start)),
  };
}

function testOf(t: TestResult): TestResult {
  return {
    name: clipText(t.name, 300) || "(unnamed test)",
    status: t.status,
    ...(t.reason !== undefined ? { reason: t.reason } : {}),
    ...(t.message !== undefined ? { message: clipText(t.message, 4000) } : {}),
    ...(t.expected !== undefined ? { expected: toPlainData(t.expected) } : {}),
    ...(t.actual !== undefined ? { actual: toPlainData(t.actual) } : {}),
    durationMs: number(t.durationMs),
    clock: t.clock,
    ...(t.timing ? { timing: timingOf(t.timing) } : {}),
    ...(t.trace ? { trace: t.trace.slice(0, 5000).map(spanOf) } : {}),
  };
}

function diagnosticOf(d: Diagnostic): Diagnostic {
  return {
    severity: d.severity,
    ...(d.code !== undefined ? { code: clipText(d.code, 50) } : {}),
    message: clipText(d.message, 4000),
    line: position(d.line),
    column: position(d.column),
    endLine: position(d.endLine),
    endColumn: position(d.endColumn),
  };
}

/** A GradeResult whose every field fits the schema, parsed. */
export function sanitizeGradeResult(r: GradeResult): GradeResult {
  const score = number(r.score);
  return GradeResult.parse({
    version: 1,
    status: r.status,
    ...(r.status !== "pass" && r.reason !== undefined ? { reason: r.reason } : {}),
    message: clipText(r.message, 4000),
    score: Math.min(score, 1),
    tests: r.tests.map(testOf),
    diagnostics: r.diagnostics.map(diagnosticOf),
    stdout: clipText(r.stdout, OUTPUT_CAP_BYTES * 2),
    stderr: clipText(r.stderr, OUTPUT_CAP_BYTES * 2),
    truncated: r.truncated === true,
    ...(r.seed !== undefined ? { seed: r.seed } : {}),
  });
}

// The human-readable form of a GradeResult for `./interleave grade` without --json.
import type { GradeResult, TestResult } from "./contract.ts";

const MARK: Record<TestResult["status"], string> = { pass: "✓", fail: "✗", error: "!" };

export function formatResult(exerciseId: string, result: GradeResult): string {
  const passed = result.tests.filter((t) => t.status === "pass").length;
  const verdict = result.status === "pass" ? "PASS" : `${result.status.toUpperCase()} (${result.reason})`;
  const lines = [
    `${exerciseId}: ${verdict} — ${passed}/${result.tests.length} tests, score ${result.score.toFixed(2)}`,
    `  ${result.message}`,
  ];
  for (const d of result.diagnostics) lines.push(`  ${d.severity} at line ${d.line}, column ${d.column}: ${d.message}`);
  for (const test of result.tests) {
    const why = test.status === "pass" ? "" : ` ${test.status}/${test.reason ?? "?"}`;
    const timing = test.timing?.workSpread !== undefined ? `, work spread ${test.timing.workSpread}` : "";
    lines.push(`  ${MARK[test.status]} ${test.name}${why} (${Math.round(test.durationMs)} ms${timing})`);
    if (test.message && test.status !== "pass" && test.message !== result.message) lines.push(`      ${test.message}`);
  }
  for (const stream of ["stdout", "stderr"] as const) {
    const text = result[stream].trimEnd();
    if (text) lines.push(`--- your ${stream}${result.truncated ? " (truncated)" : ""} ---`, text);
  }
  return `${lines.join("\n")}\n`;
}

import { describe, expect, it } from "vitest";
import { readResults } from "./read-results.ts";

const test = { name: "t", status: "pass", message: "ok", durationMs: 1, clock: "real" };
const line = (nonce: string, record: unknown) => JSON.stringify({ nonce, record });

describe("readResults (the harness's fd-3 channel)", () => {
  it("keeps only records carrying this run's nonce", () => {
    const text = [
      line("n1", { plan: ["t"] }),
      line("forged", { test: test }),
      line("n1", { test }),
      line("n1", { done: true }),
      "garbage",
    ].join("\n");
    const report = readResults(text, "n1");
    expect(report).toEqual({ plan: ["t"], tests: [test], done: true, rejected: 2 });
  });

  it("drops a record that does not fit the GradeResult test schema", () => {
    const report = readResults(line("n1", { test: { ...test, status: "great" } }), "n1");
    expect(report.tests).toEqual([]);
    expect(report.rejected).toBe(1);
  });
});

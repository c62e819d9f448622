// Reads the harness's records from the results channel (fd 3). Only lines carrying this run's
// nonce count; each is parsed with the contract's own TestResult schema, so a malformed or
// forged record is dropped, never trusted.
import { z } from "zod";
import { TestResult } from "../../contract.ts";

const Line = z.object({ nonce: z.string(), record: z.unknown() });
const Record = z.union([
  z.object({ plan: z.array(z.string()) }),
  z.object({ test: TestResult }),
  z.object({ done: z.literal(true) }),
]);

export type HarnessReport = { plan: string[] | null; tests: TestResult[]; done: boolean; rejected: number };

export function readResults(text: string, nonce: string): HarnessReport {
  const report: HarnessReport = { plan: null, tests: [], done: false, rejected: 0 };
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      report.rejected += 1;
      continue;
    }
    const parsed = Line.safeParse(json);
    const record = parsed.success && parsed.data.nonce === nonce ? Record.safeParse(parsed.data.record) : null;
    if (!record?.success) {
      report.rejected += 1;
      continue;
    }
    const r = record.data;
    if ("plan" in r) report.plan ??= r.plan;
    else if ("test" in r) report.tests.push(r.test);
    else report.done = true;
  }
  return report;
}

// What the runner writes on the test binary's stdin, read by the harness before any student
// code runs (exercises/rust/_harness/interleave.rs `run`): the nonce line, the exercise's
// thresholds as one line of flat JSON, then the grade's input seed. The harness parses that line without serde, so only
// plain identifiers and finite numbers may reach it.
import { z } from "zod";
import { Seed } from "../../contract.ts";

const Thresholds = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.number().finite());

export function harnessInput(options: { nonce: string; thresholds: Record<string, number>; seed: number }): string {
  const thresholds = Thresholds.parse(options.thresholds);
  return `${options.nonce}\n${JSON.stringify(thresholds)}\n${Seed.parse(options.seed)}\n`;
}

// End to end: exercise.json's thresholds reach the compiled harness (`interleave::threshold`),
// and a name the exercise does not set falls back to the test's default. Runs the real rustc
// and bubblewrap; skipped only where `./interleave rust setup` could not set them up.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExerciseMeta } from "../../../exercises/schema.ts";
import { gradeRust } from "./grade-rust.ts";
import { rustAvailability } from "./toolchain/rust-availability.ts";

const TESTS_RS = `use super::{pass, threshold, Clock, Ctx, Test, Verdict};
fn report(_ctx: &mut Ctx) -> Verdict {
    pass(format!("spread={} stall={} absent={}", threshold("minWorkSpread", -1.0), threshold("maxStallMs", -1.0), threshold("absent", 7.5)))
}
pub fn tests() -> Vec<Test> {
    vec![Test { name: "thresholds", clock: Clock::Real, run: report }]
}
`;

const available = (await rustAvailability()).ok;

describe.skipIf(!available)("exercise thresholds in the Rust harness", () => {
  it("reads the numbers exercise.json sets and defaults the others", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "rust-thresholds-"));
    const dir = path.join(root, "rust", "thresholds");
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "tests.rs"), TESTS_RS);
    const meta = ExerciseMeta.parse({
      id: "rust/thresholds",
      uuid: "5d0c8f8e-3a61-4d2b-9f47-0e2a6c1b7d93",
      title: "Thresholds",
      summary: "A fixture exercise for the thresholds test.",
      difficulty: "intro",
      concepts: ["harness"],
      language: "rust",
      position: 0,
      limits: { cpuMs: 2000, wallMs: 2000, memoryMb: 256, maxWorkers: 4 },
      thresholds: { minWorkSpread: 1.25, maxStallMs: 40 },
      expectations: { starter: { status: "pass" }, bad: {} },
    });
    const result = await gradeRust({ code: "pub fn unused() {}\n", dir, meta }).finally(() =>
      rm(root, { recursive: true, force: true }),
    );
    expect(result.status).toBe("pass");
    expect(result.tests[0]?.message).toBe("spread=1.25 stall=40 absent=7.5");
  });
});

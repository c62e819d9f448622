// Test helper: a one-test Rust exercise whose hidden test calls `crate::student::attack()` and
// passes only when it returns "contained". Used by the containment tests: an attack either
// reports that the sandbox stopped it, or the sandbox ends the run with its own verdict.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ExerciseMeta } from "../../../exercises/schema.ts";

const TESTS_RS = `use super::{fail, pass, Clock, Ctx, Test, Verdict};
fn probe(_ctx: &mut Ctx) -> Verdict {
    let seen = crate::student::attack();
    if seen == "contained" { pass("contained") } else { fail("wrong_result", seen) }
}
pub fn tests() -> Vec<Test> {
    vec![Test { name: "attack", clock: Clock::Real, run: probe }]
}
`;

export async function writeRustFixture(
  options: { wallMs?: number } = {},
): Promise<{ dir: string; meta: ExerciseMeta }> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), "rust-fixture-")), "rust", "probe");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "tests.rs"), TESTS_RS);
  const meta = ExerciseMeta.parse({
    id: "rust/probe",
    uuid: "0b7f6a1e-2c3d-4e5f-8a9b-1c2d3e4f5a6b",
    title: "Probe",
    summary: "A fixture exercise for sandbox tests.",
    difficulty: "intro",
    concepts: ["sandbox"],
    language: "rust",
    position: 0,
    limits: { cpuMs: 2000, wallMs: options.wallMs ?? 500, memoryMb: 256, maxWorkers: 8 },
    expectations: { starter: { status: "pass" }, bad: {} },
  });
  return { dir, meta };
}

// Runner selection by language. Runners share one shape: (code, exercise) -> GradeResult, run
// inside the grading child process. This file stays free of isolated-vm so that the parent
// (CLI, worker) can ask about availability without loading any runner.
import type { Language } from "../../exercises/schema.ts";
import type { GradeResult } from "../contract.ts";
import type { ExerciseMeta } from "../../exercises/schema.ts";

/** `seed`: what the hidden tests draw this grade's inputs from (GradeResult.seed). */
export type RunnerJob = { code: string; dir: string; meta: ExerciseMeta; seed: number };
export type Runner = (job: RunnerJob) => Promise<GradeResult>;

export type Availability = { ok: true } | { ok: false; why: string };

/** Whether this machine can grade a language at all (the toolchain is there). */
export async function runnerAvailability(language: Language): Promise<Availability> {
  if (language === "typescript") return { ok: true };
  const { rustAvailability } = await import("./rust/toolchain/rust-availability.ts");
  return rustAvailability();
}

/** Loads the runner for a language; called inside the grading child only. */
export async function loadRunner(language: Language): Promise<Runner> {
  if (language === "typescript") {
    const { gradeTypeScript } = await import("./ts/grade-typescript.ts");
    return gradeTypeScript;
  }
  if (language === "rust") {
    const { gradeRust } = await import("./rust/grade-rust.ts");
    return gradeRust;
  }
  throw new Error(`no runner for ${language}`);
}

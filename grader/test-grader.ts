// Test-only graders for the fault tests (tests/integration/worker-faults.test.ts), chosen with
// INTERLEAVE_TEST_GRADER and honoured only when NODE_ENV=test: a submission cannot reach them.
//   pass      — a pass verdict at once;   slow-pass — after 1.5 s (drain and spread tests);
//   hang      — never answers (killed from outside mid-job);   crash — the worker process dies.
import type { GradeResult } from "./contract.ts";
import type { GradeFn } from "./grade-task.ts";

const SLOW_MS = 1500;

function passed(message: string): GradeResult {
  return {
    version: 1,
    status: "pass",
    message,
    score: 1,
    tests: [],
    diagnostics: [],
    stdout: "",
    stderr: "",
    truncated: false,
  };
}

export function testGrader(kind: "pass" | "slow-pass" | "hang" | "crash"): GradeFn {
  return async ({ signal }) => {
    if (kind === "crash") process.kill(process.pid, "SIGKILL");
    if (kind === "hang") await new Promise(() => {});
    if (kind === "slow-pass") {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, SLOW_MS);
        signal?.addEventListener("abort", () => clearTimeout(timer), { once: true });
      });
    }
    return passed(`test grader (${kind}) on pid ${process.pid}`);
  };
}

import type { GradeResult } from "../../grader/contract.ts";

/** The verdict stored when grading itself failed (not the student's fault); a teacher can regrade. */
export function internalErrorResult(message: string): GradeResult {
  return {
    version: 1,
    status: "error",
    reason: "internal",
    message: message.slice(0, 4000),
    score: 0,
    tests: [],
    diagnostics: [],
    stdout: "",
    stderr: "",
    truncated: false,
  };
}

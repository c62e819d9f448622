// The rules every piece of student code passes before it is stored (drafts and submissions).
import { AppError } from "../errors.ts";

export const MAX_CODE_BYTES = 64 * 1024;

// C0 controls and DEL except tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export type CodeProblem = { code: "bad_request" | "too_large"; message: string };

/** What is wrong with `code`, or null; shared by checkCode and the edge schema (lib/http/schemas.ts). */
export function codeProblem(code: string): CodeProblem | null {
  if (code.trim().length === 0) return { code: "bad_request", message: "The code is empty." };
  // UTF-8 takes at most 3 bytes per UTF-16 unit: skip encoding what cannot be over the cap.
  const bytes = code.length * 3 <= MAX_CODE_BYTES ? 0 : new TextEncoder().encode(code).byteLength;
  if (bytes > MAX_CODE_BYTES) {
    return { code: "too_large", message: `The code is ${bytes} bytes; the limit is ${MAX_CODE_BYTES} bytes (64 KiB).` };
  }
  if (!code.isWellFormed())
    return { code: "bad_request", message: "The code is not valid text (it contains a broken Unicode character)." };
  const control = CONTROL.exec(code);
  if (control) {
    const line = code.slice(0, control.index).split("\n").length;
    const hex = control[0].charCodeAt(0).toString(16).padStart(4, "0");
    return { code: "bad_request", message: `The code must be plain text: control character U+${hex} on line ${line}.` };
  }
  return null;
}

/** Returns `code` unchanged when it is acceptable, else throws AppError with a clear message. */
export function checkCode(code: string): string {
  const problem = codeProblem(code);
  if (problem) throw new AppError(problem.code, problem.message);
  return code;
}

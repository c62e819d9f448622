// The rules every piece of student code passes before it is stored (drafts and submissions).
import { AppError } from "../errors.ts";

export const MAX_CODE_BYTES = 64 * 1024;

// C0 controls and DEL except tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Returns `code` unchanged when it is acceptable, else throws AppError with a clear message. */
export function checkCode(code: string): string {
  if (code.trim().length === 0) throw new AppError("bad_request", "The code is empty.");
  const bytes = Buffer.byteLength(code, "utf8");
  if (bytes > MAX_CODE_BYTES) {
    throw new AppError("too_large", `The code is ${bytes} bytes; the limit is ${MAX_CODE_BYTES} bytes (64 KiB).`);
  }
  if (!code.isWellFormed()) throw new AppError("bad_request", "The code is not valid text (it contains a broken Unicode character).");
  const control = CONTROL.exec(code);
  if (control) {
    const line = code.slice(0, control.index).split("\n").length;
    const hex = control[0].charCodeAt(0).toString(16).padStart(4, "0");
    throw new AppError("bad_request", `The code must be plain text: control character U+${hex} on line ${line}.`);
  }
  return code;
}

// Verdicts the runner derives on the host side, plus how it reads errors that crossed the
// isolate boundary. Only host code builds verdicts; student code can only throw or return.
import { statusOfReason, type Reason } from "../../contract.ts";

export type Verdict = { status: "fail" | "error"; reason: Reason; message: string };

export function verdict(reason: Reason, message: string): Verdict {
  return { status: statusOfReason(reason), reason, message };
}

/** A verdict raised while loading or calling student code, carried up to the test loop. */
export class VerdictError extends Error {
  readonly verdict: Verdict;
  constructor(v: Verdict) {
    super(v.message);
    this.name = "VerdictError";
    this.verdict = v;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

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

/** What isolated-vm says when it had to stop an isolate, as opposed to code that threw. */
export function isolateStop(error: unknown): "memory_limit" | "timeout" | "disposed" | null {
  const message = errorMessage(error);
  if (/disposed during execution due to memory limit|Array buffer allocation failed/.test(message)) return "memory_limit";
  if (/^Script execution timed out/.test(message)) return "timeout";
  if (/Isolate was disposed|Isolate is disposed/.test(message)) return "disposed";
  return null;
}

/** isolated-vm's words for a value that structured clone cannot copy out of an isolate. */
export function isCopyFailure(message: string): boolean {
  return /could not be cloned|^illegal access/.test(message);
}

/** `Name: message` plus a few stack frames, without isolated-vm's boundary frames. */
export function describeThrown(error: unknown, maxFrames = 4): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? "")
    .split("\n")
    .slice(1)
    .map((line) => line.trim())
    // Frames of the harness's own wrappers (<isolated-vm>) say nothing to the student.
    .filter((line) => line.startsWith("at ") && !line.includes("<isolated-vm"))
    .slice(0, maxFrames);
  const head = `${error.name && error.name !== "Error" ? `${error.name}: ` : ""}${error.message}`;
  return frames.length > 0 ? `${head} (${frames.join(" ")})` : head;
}

// Verdicts the runner derives on the host side, plus how it reads errors that crossed the
// isolate boundary. Only host code builds verdicts; student code can only throw or return.
import { statusOfReason, type Reason } from "../../contract.ts";
import type { Stall } from "./runtime.ts";

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

/** The verdict of a slice longer than the exercise allows, with the starved heartbeat if any. */
export function blockedVerdict(
  stall: Stall,
  limit: number,
  beat: { everyMs: number; longestGapMs: number } | undefined,
): Verdict {
  const ms = Math.round(stall.ms);
  const starved = beat
    ? ` Meanwhile the heartbeat, due every ${beat.everyMs} ms, went ${beat.longestGapMs} ms without a beat.`
    : "";
  return verdict(
    "blocked_runtime",
    `blocked the event loop for ${ms} ms in task ${stall.task} (at most ${limit} ms between two awaits is allowed).${starved} ` +
      "Code between two awaits runs without interruption, so every other task waited for it.",
  );
}

// The time limit of one call (or of loading a module): the exercise's `wallMs`, counted on the
// unstarved clock (unstarved-clock.ts), so a verdict is the same on a quiet or a saturated
// machine. Raw wall time is only a far-off safety net (SAFETY_NET_FACTOR times the limit, and
// at least NET_MARGIN_MS past it):
// if the net is reached before the unstarved clock passed the limit, the machine was too busy
// to give the code its time, and saying "timeout" would be a verdict about the load. That
// ends as `internal` (the grader could not judge, grade again), never as the student's timeout.
import { UnstarvedClock } from "./unstarved-clock.ts";
import { verdict, type Verdict } from "./verdicts.ts";

export const SAFETY_NET_FACTOR = 5;
/**
 * For short limits a factor is not far off: on a crowded machine an endless loop gets a small
 * share of a core, so a short CPU limit takes several times as long in wall time (figures:
 * bench/RESULTS.md "Figures behind limits and sizes").
 */
export const NET_MARGIN_MS = 10_000;
/**
 * isolated-vm's own `timeout` options are wall clocks: they are set this far past the net, so
 * the host's watchdog, which tells the limit from the net, always decides first.
 */
const ISOLATE_GRACE_MS = 1000;

export class TimeLimit {
  readonly netMs: number;
  /**
   * Set once check() saw the limit passed. The unstarved figure can go down after that (a
   * thread's wait for a core reaches /proc only when it runs again), so the verdict goes by what
   * decided the stop, not by a later reading.
   */
  private limitReached = false;

  constructor(
    readonly limitMs: number,
    readonly clock: UnstarvedClock = new UnstarvedClock(),
  ) {
    this.netMs = Math.max(limitMs * SAFETY_NET_FACTOR, limitMs + NET_MARGIN_MS);
  }

  /** "limit" once the unstarved clock passed the limit; "net" once the wall passed the net first; null while neither. Cheap until close to the limit. */
  check(): "limit" | "net" | null {
    if (this.limitReached) return "limit";
    if (this.clock.bound() > this.limitMs && this.clock.elapsedMs() > this.limitMs) {
      this.limitReached = true;
      return "limit";
    }
    return this.netPassed() ? "net" : null;
  }

  /** check() has seen the code use its whole limit of unstarved time. */
  get reached(): boolean {
    return this.limitReached;
  }

  netPassed(): boolean {
    return this.clock.wallMs() >= this.netMs;
  }

  /** For isolated-vm's `timeout` options (wall ms from now): a backstop behind the host's watchdog. */
  isolateTimeoutMs(): number {
    return Math.max(Math.ceil(this.netMs + ISOLATE_GRACE_MS - this.clock.wallMs()), 1);
  }
}

/**
 * The verdict once code ran out of time: `timeout` when it used its whole limit of unstarved
 * time, `internal` when only the wall-clock safety net ended it (see the file's comment).
 */
export function overtimeVerdict(limit: TimeLimit, o: { subject: string; doing?: string; hint?: string }): Verdict {
  const own = limit.clock.elapsedMs();
  if (limit.reached || own >= limit.limitMs) {
    return verdict(
      "timeout",
      `${o.subject} was still ${o.doing ?? "running"} after ${limit.limitMs} ms of its own time (time a busy machine kept it waiting for a core is not counted)${o.hint ?? ""}`,
    );
  }
  return verdict(
    "internal",
    `${o.subject} got only ${Math.round(own)} ms of its own time in ${Math.round(limit.clock.wallMs() / 1000)} s: the grading machine was too busy to give it the ${limit.limitMs} ms it may use, so this is no verdict on your code — grade again`,
  );
}

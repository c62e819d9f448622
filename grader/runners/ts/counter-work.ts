// visit() and score(), the grader's own units of work for ts/shared-counter: what the workers
// count and what they insert comes from the grader, drawn per isolate from a seed only the host
// knows, and every call is noted in memory only the host can read. That is how the host knows
// the right answer only after the workers did the work, and who did it: a count or a list the
// main function writes into the workers' memory while decoy workers spin cannot be right,
// because nobody but the calls themselves knows what they handed out.
//
// Each isolate (the main one and every worker) gets a note: [visit seed, visit calls, score
// seed, score calls] on a SharedArrayBuffer the host made, reached only through the runtime's
// closure. The seeds are read once when the isolate starts; the host replays the same xorshift
// sequence (replayVisits, replayScores) to learn exactly what each isolate was handed. On the
// main isolate the functions work the same, and the tests count what main drew as not the
// workers' work. The functions themselves run in the isolates (isolate/visit-score.ts); this
// file is the host's side.

import { randomInt } from "node:crypto";
import {
  SCORE_CLOCK_OFFSET_BYTES,
  SCORE_RANGE,
  WORK_CLOCK_CELLS,
  WORK_CLOCK_HEAD,
  WORK_CLOCK_OFFSET_BYTES,
  WORK_LOG_POINTS,
} from "./isolate/shared-constants.ts";

export { SCORE_RANGE };

// A note's first four Int32 cells: visit seed, visit calls, score seed, score calls (the work
// clock starts right after them, at WORK_CLOCK_OFFSET_BYTES).

export type CounterNote = Int32Array;

/**
 * A fresh note with its own two seeds (non-zero: xorshift's only fixed point is 0). Its buffer
 * also holds the isolate's work clock (isolate/work-clock.ts, read by workLogOf).
 */
export function createCounterNote(): CounterNote {
  const note = new Int32Array(new SharedArrayBuffer(SCORE_CLOCK_OFFSET_BYTES + 8 * WORK_CLOCK_CELLS));
  note[0] = randomInt(1, 2 ** 31 - 1);
  note[2] = randomInt(1, 2 ** 31 - 1);
  return note;
}

/** One xorshift32 step on a 32-bit state; isolate/visit-score.ts spells the same steps. */
export function xorshift(x: number): number {
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x | 0;
}

/** The weight of a visit (how many people came through): 1, 2 or 3. */
export const weightOf = (state: number) => 1 + ((state >>> 0) % 3);
export const scoreOf = (state: number) => (state >>> 0) % SCORE_RANGE;

export type Visits = { calls: number; sum: number };

/** What an isolate's visit() calls handed out: how many, and the sum of their weights. */
export function replayVisits(note: ArrayLike<number>): Visits {
  const calls = note[1] ?? 0;
  let state = note[0] ?? 0;
  let sum = 0;
  for (let i = 0; i < calls; i++) {
    state = xorshift(state);
    sum += weightOf(state);
  }
  return { calls, sum };
}

/** The scores an isolate's score() calls handed out, in order (at most `max`). */
export function replayScores(note: ArrayLike<number>, max = 1 << 20): number[] {
  const calls = Math.min(note[3] ?? 0, max);
  let state = note[2] ?? 0;
  const out: number[] = [];
  for (let i = 0; i < calls; i++) {
    state = xorshift(state);
    out.push(scoreOf(state));
  }
  return out;
}

/** score() calls an isolate made (also past what replayScores returns). */
export const scoreCalls = (note: ArrayLike<number>) => note[3] ?? 0;

/** An isolate's progress log: [epoch ms, work done by then] in the grader's units, time-ordered. */
export type WorkLog = [number, number][];

/**
 * When an isolate did the grader's work, as its log of progress (isolate/work-clock.ts) with the
 * latest figures last; null when it did none. "work" is visit() and isPrime(), "score" is score()
 * alone. Written by code in the isolate, so only well-formed entries are taken: times and work
 * that never go back.
 */
export function workLogOf(note: CounterNote, kind: "work" | "score" = "work"): WorkLog | null {
  const offset = kind === "work" ? WORK_CLOCK_OFFSET_BYTES : SCORE_CLOCK_OFFSET_BYTES;
  if (note.buffer.byteLength < offset + 8 * WORK_CLOCK_CELLS) return null;
  const clock = new Float64Array(note.buffer, offset, WORK_CLOCK_CELLS);
  const entries = Math.min(clock[3] ?? 0, WORK_LOG_POINTS);
  const log: WorkLog = [];
  const take = (t: number, work: number) => {
    const last = log[log.length - 1];
    if (!(t > 0) || !(work > 0) || !Number.isFinite(t) || !Number.isFinite(work)) return;
    if (last && (t < last[0] || work < last[1] || (t === last[0] && work === last[1]))) return;
    log.push([t, work]);
  };
  for (let i = 0; i < entries; i++) take(clock[WORK_CLOCK_HEAD + 2 * i + 1] ?? 0, clock[WORK_CLOCK_HEAD + 2 * i] ?? 0);
  take(clock[1] ?? 0, clock[2] ?? 0);
  return log.length > 0 ? log : null;
}

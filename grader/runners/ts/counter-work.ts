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
import { SCORE_RANGE } from "./isolate/shared-constants.ts";

export { SCORE_RANGE };

/** Cells of a note (Int32): visit seed, visit calls, score seed, score calls. */
const CELLS = 4;

export type CounterNote = Int32Array;

/** A fresh note with its own two seeds (non-zero: xorshift's only fixed point is 0). */
export function createCounterNote(): CounterNote {
  const note = new Int32Array(new SharedArrayBuffer(CELLS * 4));
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

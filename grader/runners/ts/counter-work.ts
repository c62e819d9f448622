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
// workers' work.

import { randomInt } from "node:crypto";

/** Cells of a note (Int32): visit seed, visit calls, score seed, score calls. */
const CELLS = 4;
/** Scores are whole numbers below this (so they read well and ties happen, as on a real board). */
export const SCORE_RANGE = 1_000_000;

export type CounterNote = Int32Array;

/** A fresh note with its own two seeds (non-zero: xorshift's only fixed point is 0). */
export function createCounterNote(): CounterNote {
  const note = new Int32Array(new SharedArrayBuffer(CELLS * 4));
  note[0] = randomInt(1, 2 ** 31 - 1);
  note[2] = randomInt(1, 2 ** 31 - 1);
  return note;
}

/** One xorshift32 step on a 32-bit state; the isolate source below spells the same steps. */
export function xorshift(x: number): number {
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x | 0;
}

/** The weight of a visit (how many people came through): 1, 2 or 3. */
export const weightOf = (state: number) => 1 + ((state >>> 0) % 3);
export const scoreOf = (state: number) => (state >>> 0) % SCORE_RANGE;

/**
 * The functions' source, for both kinds of isolate. `note` names a variable holding the
 * isolate's note (an Int32Array on the host's SharedArrayBuffer). No global is looked up while
 * they run (no Math, no Atomics): tampering cannot change them.
 */
export function counterWorkSource(note: string): string {
  return String.raw`
const counterWork = (() => {
  const cells = ${note};
  let v = cells[0] | 0, s = cells[2] | 0;
  return {
    visit() {
      v ^= v << 13; v ^= v >>> 17; v ^= v << 5; v |= 0;
      cells[1]++;
      return 1 + ((v >>> 0) % 3);
    },
    score() {
      s ^= s << 13; s ^= s >>> 17; s ^= s << 5; s |= 0;
      cells[3]++;
      return (s >>> 0) % ${SCORE_RANGE};
    },
  };
})();
const visit = counterWork.visit, score = counterWork.score;
`;
}

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

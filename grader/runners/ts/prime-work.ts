// isPrime(n), the grader's own unit of work for ts/async-vs-workers: a trial division that
// runs INSIDE the isolate that calls it (so its CPU is that thread's), and that notes, in memory
// only the host can read, which numbers each worker decided. That is how the host knows who did
// the work, not just which threads were busy: decoy workers that spin, or one worker that counts
// everything while the others idle, burn CPU but decide no number (exercises/ts/async-vs-workers).
//
// The note is a bitmap on a SharedArrayBuffer the host made for that worker, reached only through
// the runtime's closure: student code can set a bit only by calling isPrime(n), which does the
// division it records. On the main isolate isPrime computes the same answer and notes nothing:
// numbers decided there are not work the workers did. The function itself runs in the isolates
// (isolate/is-prime.ts); this file is the host's side.
import { NOTED_NUMBERS, PRIME_NOTE_HEAD_BYTES as HEAD_BYTES } from "./isolate/shared-constants.ts";

export { NOTED_NUMBERS };

export type PrimeNote = { bytes: Uint8Array };

/** A worker's note; numbers below `countedBelow` (the call's limit) are the work its clock counts. */
export function createPrimeNote(countedBelow: number = NOTED_NUMBERS): PrimeNote {
  const bytes = new Uint8Array(new SharedArrayBuffer(HEAD_BYTES + NOTED_NUMBERS / 8));
  new Int32Array(bytes.buffer, 0, 3)[2] = Math.max(0, Math.min(countedBelow, NOTED_NUMBERS));
  return { bytes };
}

/** Trial divisions isPrime(n) makes (at least 1): the cost of deciding n, as the host counts it. */
export function divisionsFor(n: number): number {
  if (n < 2 || n % 2 === 0) return 1;
  let steps = 1;
  for (let d = 3; d * d <= n; d += 2) {
    steps++;
    if (n % d === 0) break;
  }
  return steps;
}

export type PrimeWork = {
  /** Numbers in [from, to) this worker decided. */
  decided: number;
  /** Their summed cost in trial divisions (divisionsFor). */
  divisions: number;
  /** isPrime calls on a number it had already decided itself. */
  repeats: number;
};

/** What one worker's note says about the numbers in [from, to) (to ≤ NOTED_NUMBERS). */
export function primeWorkOf(
  note: Uint8Array,
  from: number,
  to: number,
  cost: (n: number) => number = divisionsFor,
): PrimeWork {
  const head = new Int32Array(note.buffer, note.byteOffset, 2);
  let decided = 0;
  let divisions = 0;
  for (let n = Math.max(from, 0); n < Math.min(to, NOTED_NUMBERS); n++) {
    if ((note[HEAD_BYTES + (n >> 3)]! & (1 << (n & 7))) === 0) continue;
    decided++;
    divisions += cost(n);
  }
  return { decided, divisions, repeats: head[1]! };
}

/** Whether the note has n. */
export function noted(note: Uint8Array, n: number): boolean {
  return n >= 0 && n < NOTED_NUMBERS && (note[HEAD_BYTES + (n >> 3)]! & (1 << (n & 7))) !== 0;
}

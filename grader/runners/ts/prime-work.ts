// isPrime(n), the grader's own unit of work for ts/async-vs-workers: a trial division that
// runs INSIDE the isolate that calls it (so its CPU is that thread's), and that notes, in memory
// only the host can read, which numbers each worker decided. That is how the host knows who did
// the work, not just which threads were busy: decoy workers that spin, or one worker that counts
// everything while the others idle, burn CPU but decide no number (exercises/ts/async-vs-workers).
//
// The note is a bitmap on a SharedArrayBuffer the host made for that worker, reached only through
// the runtime's closure: student code can set a bit only by calling isPrime(n), which does the
// division it records. On the main isolate isPrime computes the same answer and notes nothing:
// numbers decided there are not work the workers did.

/** Numbers a worker's note covers: isPrime(n) for larger n is computed but not noted (counted). */
export const NOTED_NUMBERS = 1 << 20;
/** Header cells (Int32): [calls outside 0…NOTED_NUMBERS-1 or not an integer, repeats on this worker]. */
const HEAD_BYTES = 8;

export type PrimeNote = { bytes: Uint8Array };

export function createPrimeNote(): PrimeNote {
  return { bytes: new Uint8Array(new SharedArrayBuffer(HEAD_BYTES + NOTED_NUMBERS / 8)) };
}

/**
 * The function's source, for both kinds of isolate. `note` is the name of a variable holding the
 * worker's note (a Uint8Array on the host's SharedArrayBuffer), or null on the main isolate.
 * No global is looked up while it runs (no Math, no Number): tampering cannot change it.
 */
export function isPrimeSource(note: string | null): string {
  const record =
    note === null
      ? ""
      : `if (n >= 0 && n < ${NOTED_NUMBERS}) { const i = ${HEAD_BYTES} + (n >> 3), m = 1 << (n & 7); if ((${note}[i] & m) !== 0) noteHead[1]++; else ${note}[i] |= m; } else noteHead[0]++;`;
  return String.raw`
${note === null ? "" : `const noteHead = new Int32Array(${note}.buffer, 0, 2);`}
const isPrime = {
  isPrime(n) {
    if (typeof n !== "number" || n % 1 !== 0) { ${note === null ? "" : "noteHead[0]++;"} return false; }
    ${record}
    if (n < 2) return false;
    if (n % 2 === 0) return n === 2;
    for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
    return true;
  },
}.isPrime;
`;
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
export function primeWorkOf(note: Uint8Array, from: number, to: number, cost: (n: number) => number = divisionsFor): PrimeWork {
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

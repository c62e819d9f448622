// Runs inside the isolates: isPrime(n), the grader's own unit of work for ts/async-vs-workers
// (the host side, and why the note exists, is ../prime-work.ts). A worker's isPrime notes the
// numbers it decided in `note`, a Uint8Array on host-owned shared memory reached only through
// this closure; the main isolate's (note null) computes the same answer and notes nothing.
// No global is looked up while it runs (no Math, no Number): tampering cannot change it.
import { NOTED_NUMBERS, PRIME_NOTE_HEAD_BYTES } from "./shared-constants.ts";

/**
 * isPrime for one isolate. `tick` is its work clock (work-clock.ts), told the trial divisions of
 * every number this worker decides for the first time and in the noted range: the work the grader
 * counts, so calls that repeat a number or go outside the call's range move no clock.
 */
export function createIsPrime(
  note: Uint8Array | null,
  tick: (weight: number) => void = () => {},
): (n: unknown) => boolean {
  // Methods, not function expressions: isPrime cannot be called with `new`, like a built-in.
  if (note === null) {
    return {
      isPrime(n: unknown): boolean {
        if (typeof n !== "number" || n % 1 !== 0) return false;
        return trialDivision(n);
      },
    }.isPrime;
  }
  const head = new Int32Array(note.buffer, 0, 3);
  // Read once: numbers at or above the call's limit are no part of its work (the tests ignore them).
  const countedBelow = head[2]!;
  return {
    isPrime(n: unknown): boolean {
      if (typeof n !== "number" || n % 1 !== 0) {
        head[0]!++;
        return false;
      }
      let fresh = false;
      if (n >= 0 && n < NOTED_NUMBERS) {
        const i = PRIME_NOTE_HEAD_BYTES + (n >> 3),
          m = 1 << (n & 7);
        if ((note[i]! & m) !== 0) head[1]!++;
        else {
          note[i]! |= m;
          fresh = true;
        }
      } else head[0]!++;
      const divisions = trialDivisions(n);
      // A call costs its trial divisions plus the call itself (an even number is 1 division, but
      // not free): so a worker deciding cheap numbers does not look slowed down.
      if (fresh && n < countedBelow) tick((divisions < 0 ? -divisions : divisions) + CALL_COST);
      return divisions < 0;
    },
  }.isPrime;
}

/** What an isPrime call costs besides its trial divisions, in divisions (the work clock's weight). */
const CALL_COST = 8;

/** The trial divisions deciding n takes (at least 1), negative when n is prime. */
function trialDivisions(n: number): number {
  if (n < 2) return 1;
  if (n % 2 === 0) return n === 2 ? -1 : 1;
  let k = 1;
  for (let d = 3; d * d <= n; d += 2, k++) if (n % d === 0) return k;
  return -k;
}

function trialDivision(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

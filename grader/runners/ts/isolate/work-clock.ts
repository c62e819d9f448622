// Runs inside the isolates: the work clock behind visit(), score() and isPrime(). On the first
// call and every so many after it, it reads the time (Date.now, captured before student code
// runs) and notes, in host-owned shared memory reached only through this closure, when the
// isolate first and last did the grader's work. The host takes the stretches before a worker's
// first unit and after its last out of its run before judging overlap (parallelism.ts): workers
// that are all started together but wait their turn on a shared flag — spinning on plain reads,
// which no Atomics trace sees — did their work one after another, and the clock shows it.
// Gaps inside that stretch are not judged: on a crowded machine a thread waits for a core for
// long stretches too, and the clock cannot tell that from spinning.
import { WORK_CLOCK_CELLS } from "./shared-constants.ts";

/** A tick to call on every unit of work; it reads the time on the 1st call and every `every`th after (a power of two). */
export function createWorkTick(clock: Float64Array | null, every: number): () => void {
  if (clock === null || clock.length < WORK_CLOCK_CELLS) return () => {};
  const apply = Reflect.apply,
    now = Date.now,
    DateC = Date,
    mask = every - 1;
  let calls = 0;
  return function tick(): void {
    if ((calls++ & mask) !== 0) return;
    const t: number = apply(now, DateC, []);
    if (clock[0] === 0) clock[0] = t;
    clock[1] = t;
  };
}

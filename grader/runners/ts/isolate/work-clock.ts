// Runs inside the isolates: the work clock behind visit(), score() and isPrime(). It keeps a log
// of the isolate's progress in the grader's own units of work — how much it had done, and when —
// in host-owned shared memory reached only through this closure, with a Date.now captured before
// student code runs. An entry is noted each time the work done grows by a tenth (every unit for
// the first ten), so a whole run fits in a few hundred entries and the cost is a compare per
// call; the latest figures are also refreshed every `every`th call, so the log's tail is known.
//
// The host turns the log into each worker's rate of work over time (parallelism.ts): workers
// started together that wait their turn on a shared flag — spinning on plain reads, which no
// Atomics trace sees — make no progress while they wait, even when they make a unit of work
// before or after waiting. A thread that waits for a core on a crowded machine slows down
// instead; that is why the host compares a worker's rate with its own usual rate, and only
// reads a worker as stopped when it fell to a small fraction of it.
import { WORK_CLOCK_CELLS, WORK_CLOCK_HEAD, WORK_LOG_POINTS } from "./shared-constants.ts";

/** Growth of the work done between two log entries. */
const LOG_STEP = 1.1;

/**
 * A tick to call on every unit of work, with its weight in the grader's units (0 for a call that
 * did no work the grader counts); `every` is a power of two.
 */
export function createWorkTick(clock: Float64Array | null, every: number): (weight: number) => void {
  if (clock === null || clock.length < WORK_CLOCK_CELLS) return () => {};
  const apply = Reflect.apply,
    now = Date.now,
    DateC = Date,
    mask = every - 1;
  let calls = 0,
    work = 0,
    next = 0;
  return function tick(weight: number): void {
    if (!(weight > 0)) return;
    work += weight;
    if (work >= next) {
      const t: number = apply(now, DateC, []);
      if (clock[0] === 0) clock[0] = t;
      const n = clock[3]!;
      if (n < WORK_LOG_POINTS) {
        clock[WORK_CLOCK_HEAD + 2 * n] = work;
        clock[WORK_CLOCK_HEAD + 2 * n + 1] = t;
        clock[3] = n + 1;
      }
      clock[1] = t;
      clock[2] = work;
      next = work < 10 ? work + 1 : work * LOG_STEP;
      return;
    }
    if ((++calls & mask) !== 0) return;
    clock[1] = apply(now, DateC, []);
    clock[2] = work;
  };
}

// Runs inside the isolates: the work clock behind visit(), score() and isPrime(). It keeps a log
// of the isolate's progress in the grader's own units of work — how much it had done, and when —
// in host-owned shared memory reached only through this closure, with a Date.now captured before
// student code runs. An entry is noted each time the work done grows by a tenth (every unit for
// the first ten), and when WORK_LOG_EVERY_MS have passed since the last one (the time is read
// every `every`th call), so a long run cannot hide a wait of a few tens of ms inside one step;
// the latest figures are refreshed at the same reads, so the log's tail is known.
//
// The host turns the log into each worker's rate of work over time (parallelism.ts): workers
// started together that wait their turn on a shared flag — spinning on plain reads, which no
// Atomics trace sees — make no progress while they wait, even when they make a unit of work
// before or after waiting. A thread that waits for a core on a crowded machine slows down
// instead; that is why the host compares a worker's rate with its own usual rate, and only
// reads a worker as stopped when it fell to a small fraction of it.
import { WORK_CLOCK_CELLS, WORK_CLOCK_HEAD, WORK_LOG_EVERY_MS, WORK_LOG_POINTS } from "./shared-constants.ts";

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
    next = 0,
    loggedAt = 0;
  function note(t: number): void {
    const n = clock![3]!;
    if (n < WORK_LOG_POINTS) {
      clock![WORK_CLOCK_HEAD + 2 * n] = work;
      clock![WORK_CLOCK_HEAD + 2 * n + 1] = t;
      clock![3] = n + 1;
    }
    loggedAt = t;
    next = work < 10 ? work + 1 : work * LOG_STEP;
  }
  return function tick(weight: number): void {
    if (!(weight > 0)) return;
    work += weight;
    if (work >= next) {
      const t: number = apply(now, DateC, []);
      if (clock[0] === 0) clock[0] = t;
      note(t);
      clock[1] = t;
      clock[2] = work;
      return;
    }
    if ((++calls & mask) !== 0) return;
    const t: number = apply(now, DateC, []);
    if (t - loggedAt >= WORK_LOG_EVERY_MS) note(t);
    clock[1] = t;
    clock[2] = work;
  };
}

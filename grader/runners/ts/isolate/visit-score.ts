// Runs inside the isolates: visit() and score(), the grader's own units of work for
// ts/shared-counter (the host side, which replays the same sequences, is ../counter-work.ts).
// `cells` is the isolate's note, an Int32Array on host-owned shared memory: [visit seed, visit
// calls, score seed, score calls]; the seeds are read once, here. `tick` is the worker's work
// clock (work-clock.ts), visit()'s and score()'s apart: the count's parallelism is judged on
// visits alone, the leaderboard's on scores alone. No global is looked up while
// they run (no Math, no Atomics): tampering cannot change them.
import { SCORE_RANGE } from "./shared-constants.ts";

export function createVisitScore(
  cells: Int32Array,
  tick: (weight: number) => void = () => {},
  scoreTick: (weight: number) => void = () => {},
): { visit: () => number; score: () => number } {
  let v = cells[0]! | 0,
    s = cells[2]! | 0;
  // The same xorshift32 steps as xorshift() in ../counter-work.ts.
  return {
    visit() {
      v ^= v << 13;
      v ^= v >>> 17;
      v ^= v << 5;
      v |= 0;
      cells[1]!++;
      tick(1);
      return 1 + ((v >>> 0) % 3);
    },
    score() {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      s |= 0;
      cells[3]!++;
      scoreTick(1);
      return (s >>> 0) % SCORE_RANGE;
    },
  };
}

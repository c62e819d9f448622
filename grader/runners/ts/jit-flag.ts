/**
 * Node flag for every process that runs student isolates. Why: TurboFan and Maglev may keep a
 * SharedArrayBuffer element in a register across loop iterations, so a racy `c[0]++` loop can
 * lose no update at all (measured: 5 of 40 runs at 4 workers × 2M). Without the optimising
 * tiers every ++ is a real load and store, as the statement teaches (0 of 120 runs lost none),
 * and equal work takes equal time in every worker (with them, one loop ran 7x faster than its
 * twin). V8 freezes flags at start-up, so this must be on the command line.
 */
export const JIT_FLAG = "--max-opt=1";

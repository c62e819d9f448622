// Hidden tests for ts/shared-counter. They run on the host: they call the student's count()
// in fresh isolates, get back a copied number and host-measured CPU times, and decide here.
import { defineTests, describeValue, parallelCheck, type TestContext } from "../../../grader/runners/ts/harness-api.ts";

const WORKERS = 4;
// Enough increments that racing workers overlap for tens of milliseconds: a racy count
// loses hundreds of thousands of updates per trial (measured), a correct one never loses any.
const PER_WORKER = 500_000;
const TRIALS = 3;
// The parallelism test counts 8x more: starting workers costs each a few ms of CPU on
// isolated-vm's threads, and with ~40 ms of counting in all, that start-up once lifted a
// one-worker solution's spread to 1.5 (1 run in 100). With ~300 ms of counting it stays far
// below (≈1.1), and the workers' runs last long enough for their overlap to mean something.
const SPREAD_PER_WORKER = 4_000_000;

async function countOnce(t: TestContext, perWorker = PER_WORKER) {
  const { value, stats } = await t.call("count", [WORKERS, perWorker]);
  return { value, stats, expected: WORKERS * perWorker };
}

const BOARD_WORKERS = 4;
// 4,000 inserts that shift ~1,000 slots on average: without a lock, measured here, thousands
// of scores are lost or duplicated in every run; with one it takes ~150 ms.
const BOARD_PER_WORKER = 1000;
const BOARD_TRIALS = 2;

/** Counts what went wrong in a leaderboard that should read 0, 1, …, n-1. */
function boardDamage(list: number[], n: number) {
  const seen = new Map<number, number>();
  for (const v of list) seen.set(v, (seen.get(v) ?? 0) + 1);
  let missing = 0;
  for (let v = 0; v < n; v++) if (!seen.has(v)) missing++;
  const twice = [...seen.values()].filter((c) => c > 1).length;
  let unsorted = 0;
  for (let i = 1; i < list.length; i++) if ((list[i - 1] ?? 0) > (list[i] ?? 0)) unsorted++;
  return { missing, twice, unsorted };
}

export default defineTests({
  exports: { count: "function", leaderboard: "function" },
  tests: [
    {
      name: `count(${WORKERS}, ${PER_WORKER}) loses no update (${TRIALS} trials)`,
      async run(t) {
        for (let trial = 1; trial <= TRIALS; trial++) {
          const { value, expected } = await countOnce(t);
          if (typeof value !== "number" || !Number.isInteger(value)) {
            return t.fail("wrong_result", `count(${WORKERS}, ${PER_WORKER}) should resolve to a whole number, but it gave ${describeValue(value)}`);
          }
          if (value < expected) {
            const lost = expected - value;
            return t.fail(
              "lost_updates",
              `expected ${expected} but the counter read ${value}: ${lost} increments were lost (trial ${trial} of ${TRIALS}). ` +
                "counter[0]++ is three steps: read, add 1, write back. Two workers read the same value (read, read), " +
                "both add 1 and both write (write, write), so one increment disappears. " +
                "Atomics.add(counter, 0, 1) does the three steps as one indivisible step.",
              { expected, actual: value },
            );
          }
          if (value !== expected) {
            return t.fail("wrong_result", `expected ${expected} but the counter read ${value} (trial ${trial} of ${TRIALS})`, { expected, actual: value });
          }
        }
        return t.pass(`${TRIALS} trials, ${WORKERS * PER_WORKER} increments each, none lost`);
      },
    },
    {
      name: "the counting is split across worker threads",
      async run(t) {
        const { value, stats, expected } = await countOnce(t, SPREAD_PER_WORKER);
        if (value !== expected) {
          const read = typeof value === "number" ? String(value) : describeValue(value);
          return t.fail("lost_updates", `expected ${expected} but the counter read ${read}: updates were lost (see the first test)`, { expected, actual: value });
        }
        const parallel = parallelCheck(t, stats, {
          prefix: "the count is right, but ",
          advice: `Start all ${WORKERS} workers first, give each its share of the increments, and only then join them.`,
        });
        return parallel.fail ?? t.pass(parallel.summary);
      },
    },
    {
      name: `leaderboard(${BOARD_WORKERS}, ${BOARD_PER_WORKER}): the locked sorted list keeps every score (${BOARD_TRIALS} trials)`,
      async run(t) {
        const n = BOARD_WORKERS * BOARD_PER_WORKER;
        for (let trial = 1; trial <= BOARD_TRIALS; trial++) {
          const { value } = await t.call("leaderboard", [BOARD_WORKERS, BOARD_PER_WORKER]);
          if (!Array.isArray(value) || !value.every((v) => typeof v === "number")) {
            return t.fail("wrong_result", `leaderboard(${BOARD_WORKERS}, ${BOARD_PER_WORKER}) should resolve to an array of numbers, but it gave ${describeValue(value)}`);
          }
          const damage = boardDamage(value, n);
          if (value.length !== n || damage.missing + damage.twice + damage.unsorted > 0) {
            return t.fail(
              "lost_updates",
              `expected the ${n} scores 0…${n - 1} in order, but the list holds ${value.length}: ${damage.missing} missing, ${damage.twice} more than once, ` +
                `${damage.unsorted} out of order (trial ${trial} of ${BOARD_TRIALS}). insert() reads the length, moves bigger scores up one slot at a time and ` +
                "then writes the new score and the new length. When two workers do that at the same time, each works from a list the other is changing, and " +
                "their writes overwrite each other. A lock makes the whole insert() one step for everyone else: take it with Atomics.compareExchange(lock, 0, 0, 1), " +
                "sleep with Atomics.wait(lock, 0, 1) while someone else holds it, and release it with Atomics.store + Atomics.notify.",
              { expected: `${n} scores in order`, actual: `${value.length} scores, ${damage.missing} missing` },
            );
          }
        }
        return t.pass(`${BOARD_TRIALS} trials, ${n} scores each, none lost`);
      },
    },
  ],
});

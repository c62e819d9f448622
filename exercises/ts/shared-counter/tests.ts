// Hidden tests for ts/shared-counter. They run on the host: they call the student's count()
// in fresh isolates, get back a copied number and host-measured CPU times, and decide here.
// Worker counts and increments are drawn per grade from t.rng, and the host reads the shared
// memory the workers were given (stats.workerMemory): a count or a list counts only if the
// workers' own shared memory holds it, put there while a worker ran (what it held when the
// worker started does not count), so an answer computed without the workers fails, even one
// the main function wrote into that memory before spawning them.
import { defineTests, describeValue, parallelCheck, type TestContext, type TestVerdict } from "../../../grader/runners/ts/harness-api.ts";
import { workersWriting } from "../../../grader/runners/ts/observed.ts";
import type { CallStats } from "../../../grader/runners/ts/run-call.ts";
import type { Rng } from "../../../exercises/quizzes/rng.ts";

// Enough increments that racing workers overlap for tens of milliseconds: a racy count
// loses hundreds of thousands of updates per trial (measured with 4 x 500,000), a correct one
// never loses any. The remainder mod 1000 keeps the total off any round number an earlier
// grade expected.
const TRIALS = 3;
const drawCount = (rng: Rng) => ({ workers: rng.int(3, 5), perWorker: rng.int(400, 600) * 1000 + rng.int(1, 999) });
// The parallelism test counts ~16M in all: starting workers costs each a few ms of CPU on
// isolated-vm's threads, and with ~40 ms of counting in all, that start-up once lifted a
// one-worker solution's spread to 1.5 (1 run in 100). With ~300 ms of counting it stays far
// below (≈1.1), and the workers' runs last long enough for their overlap to mean something.
function drawSpread(rng: Rng) {
  const workers = rng.int(3, 5);
  return { workers, perWorker: Math.round((16_000_000 / workers) * (0.9 + 0.2 * rng.next())) };
}

// ~4,000 inserts that shift ~1,000 slots on average: without a lock, measured here, thousands
// of scores are lost or duplicated in every run; with one it takes ~150 ms.
const BOARD_TRIALS = 2;
const drawBoard = (rng: Rng) => ({ workers: rng.int(3, 4), perWorker: rng.int(900, 1200) });

/**
 * A result the workers' shared memory does not hold was not produced by the workers. When it
 * is right anyway, the work ran elsewhere (the main isolate) or not at all — the host cannot
 * see the main isolate's own memory — so the workers did not do it: not_parallel. A wrong one
 * is wrong_result. `what` names the result for the message.
 */
function notFromWorkers(t: TestContext, stats: CallStats, right: boolean, what: string, expected: unknown, actual: unknown): TestVerdict {
  const started = stats.workerMemory.length;
  const why =
    started === 0
      ? "no worker was started"
      : `none of the ${started} workers put it into the shared memory passed to it through spawn() (the grader reads that memory when each worker starts and when it ends; what was already there when a worker started is not its work)`;
  if (right) {
    return t.fail("not_parallel", `${what} is right, but ${why}${started === 0 ? "" : ": the workers did not do this work"}.`, {
      expected: `${what} in the workers' shared memory`,
      actual: why,
    });
  }
  return t.fail("wrong_result", `${what} should be ${describeValue(expected)}, but it is ${describeValue(actual)}, and ${why}: it was not computed by the workers.`, { expected, actual });
}

async function countTrial(t: TestContext, workers: number, perWorker: number, trial: string): Promise<{ verdict: TestVerdict | null; stats: CallStats }> {
  const { value, stats } = await t.call("count", [workers, perWorker]);
  const expected = workers * perWorker;
  const call = `count(${workers}, ${perWorker})`;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return { verdict: t.fail("wrong_result", `${call} should resolve to a whole number, but it gave ${describeValue(value)}`), stats };
  }
  if (value === 0 && expected > 0) {
    // Not one increment counted: lost updates never lose everything. Either the workers had not
    // run when count() read the counter, or they counted in memory that was not shared.
    const lateWorkers = stats.workers.filter((w) => w.end > stats.virtualMs).length;
    const verdict =
      lateWorkers > 0 || stats.workers.length === 0
        ? t.fail(
            "task_failed",
            `${call} returned 0: when it read the counter, not one of the ${expected} increments had happened, and ${lateWorkers} of its ${stats.workers.length} worker${stats.workers.length === 1 ? "" : "s"} ${lateWorkers === 1 ? "was" : "were"} still running. Their joins were not awaited (handles.forEach(h => h.join()) starts the joins but waits for none of them).`,
            { expected, actual: value },
          )
        : t.fail(
            "wrong_result",
            `${call} returned 0 although its ${stats.workers.length === 1 ? "worker" : `${stats.workers.length} workers`} had finished: they counted in their own copies, not in the counter you read. Only a SharedArrayBuffer is shared with a worker; a plain typed array is copied into it.`,
            { expected, actual: value },
          );
    return { verdict, stats };
  }
  if (workersWriting(stats, [value]).length === 0) {
    // The workers' memory, as the last of them left it, holds a smaller count (at least a tenth
    // of the total: racing workers lose about half, a flag or an index is far smaller): they
    // lost updates, and the right number was written after they had ended.
    const left = Math.max(0, ...stats.workerMemory.flatMap((m) => m.views.flatMap((v) => v.head.filter((c) => c >= expected / 10 && c < expected))));
    if (value === expected && left > 0) {
      return {
        verdict: t.fail("lost_updates", `${call} returned ${value}, but when the workers had ended their shared counter held ${left}: ${expected - left} increments were lost${trial}, and the returned number was not the workers' count.`, { expected, actual: left }),
        stats,
      };
    }
    return { verdict: notFromWorkers(t, stats, value === expected, `the count from ${call}`, expected, value), stats };
  }
  if (value < expected) {
    const lost = expected - value;
    const verdict = t.fail(
      "lost_updates",
      `expected ${expected} but the counter read ${value}: ${lost === 1 ? "1 increment was" : `${lost} increments were`} lost${trial}. ` +
        "Two workers read the same value (read, read), both added 1 and both wrote it back (write, write), so one of the two increments disappeared.",
      { expected, actual: value },
    );
    return { verdict, stats };
  }
  if (value !== expected) return { verdict: t.fail("wrong_result", `expected ${expected} but the counter read ${value}${trial}`, { expected, actual: value }), stats };
  return { verdict: null, stats };
}

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
      name: `count(workers, perWorker) loses no update (${TRIALS} trials)`,
      async run(t) {
        const { workers, perWorker } = drawCount(t.rng);
        for (let trial = 1; trial <= TRIALS; trial++) {
          const { verdict } = await countTrial(t, workers, perWorker, ` (trial ${trial} of ${TRIALS})`);
          if (verdict) return verdict;
        }
        return t.pass(`${TRIALS} trials, ${workers} workers x ${perWorker} increments each, none lost, all in the workers' shared counter`);
      },
    },
    {
      name: "the counting is split across worker threads",
      async run(t) {
        const { workers, perWorker } = drawSpread(t.rng);
        const { verdict, stats } = await countTrial(t, workers, perWorker, "");
        if (verdict) return verdict;
        const parallel = parallelCheck(t, stats, { prefix: "the count is right, but " });
        return parallel.fail ?? t.pass(parallel.summary);
      },
    },
    {
      name: `leaderboard(workers, perWorker): the locked sorted list keeps every score (${BOARD_TRIALS} trials)`,
      async run(t) {
        const { workers, perWorker } = drawBoard(t.rng);
        const call = `leaderboard(${workers}, ${perWorker})`;
        const n = workers * perWorker;
        for (let trial = 1; trial <= BOARD_TRIALS; trial++) {
          const { value, stats } = await t.call("leaderboard", [workers, perWorker]);
          if (!Array.isArray(value) || !value.every((v) => typeof v === "number")) {
            return t.fail("wrong_result", `${call} should resolve to an array of numbers, but it gave ${describeValue(value)}`);
          }
          const damage = boardDamage(value, n);
          // The list as the workers left it, wherever in the shared memory passed to them: its
          // first scores in a row (any layout: length in front, apart, or not kept at all).
          const first = value.slice(0, 3);
          if (value.length > 0 && workersWriting(stats, first).length === 0) {
            const right = value.length === n && damage.missing + damage.twice + damage.unsorted === 0;
            return notFromWorkers(t, stats, right, `the list from ${call}`, `${n} scores in order`, `${value.length} scores`);
          }
          if (value.length !== n || damage.missing + damage.twice + damage.unsorted > 0) {
            return t.fail(
              "lost_updates",
              `expected the ${n} scores 0…${n - 1} in order, but the list holds ${value.length}: ${damage.missing} missing, ${damage.twice} more than once, ` +
                `${damage.unsorted} out of order (trial ${trial} of ${BOARD_TRIALS}). insert() reads the length, moves bigger scores up one slot at a time and ` +
                "then writes the new score and the new length. When two workers do that at the same time, each works from a list the other is changing, and " +
                "their writes overwrite each other.",
              { expected: `${n} scores in order`, actual: `${value.length} scores, ${damage.missing} missing` },
            );
          }
        }
        return t.pass(`${BOARD_TRIALS} trials, ${n} scores each, none lost`);
      },
    },
  ],
});

// Hidden tests for ts/shared-counter. They run on the host: they call the student's count()
// in fresh isolates, get back a copied number and host-measured CPU times, and decide here.
// Worker counts and sizes are drawn per grade from t.rng. What is counted and inserted comes
// from the grader: visit() and score() hand each isolate its own sequence from a seed only the
// host knows, and note every call (counter-work.ts), so the right total and the right list are
// known only from what the workers drew, and the host knows who drew it. The host also reads
// the shared memory the workers were given (stats.workerMemory): a count or a list counts only
// if the workers' own shared memory holds it, put there while a worker ran (what it held when
// the worker started does not count), and each worker's scores must be in the list when it
// ends (it inserted them itself).
import {
  defineTests,
  describeValue,
  parallelCheck,
  type TestContext,
  type TestVerdict,
} from "../../../grader/runners/ts/harness-api.ts";
import { replayScores, replayVisits, scoreCalls } from "../../../grader/runners/ts/counter-work.ts";
import { workersWriting } from "../../../grader/runners/ts/observed.ts";
import { indexOfRun } from "../../../grader/runners/ts/shared-memory.ts";
import type { CallStats } from "../../../grader/runners/ts/run-call.ts";
import type { WorkerRun } from "../../../grader/runners/ts/parallelism.ts";
import type { Rng } from "../../../exercises/quizzes/rng.ts";

// Enough visits that racing workers overlap for tens of milliseconds: a racy count loses a large
// share of its updates in every trial, a correct one never loses any (figures: bench/RESULTS.md "Figures behind limits and sizes"). The weights visit() hands out make every total new.
const TRIALS = 3;
const drawCount = (rng: Rng) => ({ workers: rng.int(3, 5), perWorker: rng.int(200, 300) * 1000 + rng.int(1, 999) });
// The parallelism test makes ~8M visits in all: the division is judged in visits per worker,
// and the CPU spread next to it must not be lifted by the few ms of CPU each worker's start-up
// costs, which a short count would let decide it (figures: bench/RESULTS.md "Figures behind limits and sizes"); the workers' runs also
// last long enough for their overlap to mean something.
function drawSpread(rng: Rng) {
  const workers = rng.int(3, 5);
  return { workers, perWorker: Math.round((8_000_000 / workers) * (0.9 + 0.2 * rng.next())) };
}

// ~4,000 inserts that shift ~1,000 slots on average: without a lock, scores are lost or
// duplicated in every run; with one it stays short (figures: bench/RESULTS.md "Figures behind limits and sizes").
const BOARD_TRIALS = 2;
const drawBoard = (rng: Rng) => ({ workers: rng.int(3, 4), perWorker: rng.int(900, 1200) });

/**
 * A result the workers' shared memory does not hold was not produced by the workers. When it
 * is right anyway, the work ran elsewhere (the main isolate) or not at all — the host cannot
 * see the main isolate's own memory — so the workers did not do it: not_parallel. A wrong one
 * is wrong_result. `what` names the result for the message.
 */
function notFromWorkers(
  t: TestContext,
  stats: CallStats,
  right: boolean,
  what: string,
  expected: unknown,
  actual: unknown,
): TestVerdict {
  const started = stats.workerMemory.length;
  const why =
    started === 0
      ? "no worker was started"
      : `none of the ${started} workers that did the work (made the visits, drew the scores) put it into the shared memory passed to it through spawn() (the grader reads that memory when each worker starts and when it ends; what was already there when a worker started is not its work, and a worker that did none of the work does not count)`;
  if (right) {
    return t.fail(
      "not_parallel",
      `${what} is right, but ${why}${started === 0 ? "" : ": the result did not come out of the shared memory the workers wrote (a sum handed back through join() and added up by the main function does not count)"}.`,
      {
        expected: `${what} in the workers' shared memory`,
        actual: why,
      },
    );
  }
  return t.fail(
    "wrong_result",
    `${what} should be ${describeValue(expected)}, but it is ${describeValue(actual)}, and ${why}: it was not computed by the workers.`,
    { expected, actual },
  );
}

type WorkerVisits = { worker: string; calls: number; sum: number };

/** What visit() handed out in one call: per worker, and on the main isolate. */
function visitsOf(stats: CallStats): {
  workers: WorkerVisits[];
  main: { calls: number; sum: number };
  calls: number;
  sum: number;
} {
  const workers = stats.workerMemory.map((m) => ({ worker: m.worker, ...replayVisits(m.counter) }));
  const main = replayVisits(stats.mainCounter);
  return {
    workers,
    main,
    calls: main.calls + workers.reduce((a, w) => a + w.calls, 0),
    sum: main.sum + workers.reduce((a, w) => a + w.sum, 0),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Workers that had not ended when the function returned, or never started (their joins were not awaited). */
const unjoinedWorkers = (stats: CallStats) => stats.unfinishedAtEnd;

async function countTrial(
  t: TestContext,
  workers: number,
  perWorker: number,
  trial: string,
): Promise<{ verdict: TestVerdict | null; stats: CallStats; visits: WorkerVisits[] }> {
  const { value, stats } = await t.call("count", [workers, perWorker]);
  const visits = visitsOf(stats);
  const done = (verdict: TestVerdict | null) => ({ verdict, stats, visits: visits.workers });
  // Everything visit() handed out, wherever it was called: the counter must end at this total.
  const expected = visits.sum;
  const wantCalls = workers * perWorker;
  const call = `count(${workers}, ${perWorker})`;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return done(
      t.fail("wrong_result", `${call} should resolve to a whole number, but it gave ${describeValue(value)}`),
    );
  }
  const unjoined = unjoinedWorkers(stats);
  if (value === 0 && (expected > 0 || unjoined > 0) && stats.workerMemory.length > 0) {
    // Not one visit counted: lost updates never lose everything. Either the workers had not
    // run when count() read the counter, or they counted in memory that was not shared.
    return done(
      unjoined > 0
        ? t.fail(
            "task_failed",
            `${call} returned 0: when it read the counter, ${unjoined} of its ${plural(stats.workerMemory.length, "worker")} had not finished (or not even started). Their joins were not awaited (handles.forEach(h => h.join()) starts the joins but waits for none of them).`,
            { expected: `${wantCalls} visits counted`, actual: value },
          )
        : t.fail(
            "wrong_result",
            `${call} returned 0 although its ${stats.workers.length === 1 ? "worker" : `${stats.workers.length} workers`} had finished: they counted in their own copies, not in the counter you read. Only a SharedArrayBuffer is shared with a worker; a plain typed array is copied into it.`,
            { expected, actual: value },
          ),
    );
  }
  if (visits.calls !== wantCalls) {
    const made = visits.calls === 0 ? "visit() was never called" : `visit() was called ${plural(visits.calls, "time")}`;
    return done(
      t.fail(
        "wrong_result",
        `${call} should make ${wantCalls} visits (${perWorker} in each of the ${workers} workers), but ${made}: the count is the sum of what the visits return.`,
        {
          expected: `${wantCalls} visits`,
          actual: `${visits.calls} visits`,
        },
      ),
    );
  }
  if (visits.main.calls > 0 && value === expected) {
    return done(
      t.fail(
        "not_parallel",
        `the count from ${call} is right, but the main isolate made ${visits.main.calls === wantCalls ? "all" : `${visits.main.calls} of the`} ${wantCalls} visits itself: the workers must make them (call visit() inside the function you give spawn).`,
        { expected: "every visit made in a worker", actual: `${visits.main.calls} visits on the main isolate` },
      ),
    );
  }
  const visiting = new Set(visits.workers.filter((w) => w.calls > 0).map((w) => w.worker));
  if (workersWriting(stats, [value], visiting).length === 0) {
    // The workers' memory, as the last of them left it, holds a smaller count (at least a tenth
    // of the total: racing workers lose about half, a flag or an index is far smaller): they
    // lost updates, and the right number was written after they had ended.
    const left = Math.max(
      0,
      ...stats.workerMemory.flatMap((m) =>
        m.views.flatMap((v) => v.head.filter((c) => c >= expected / 10 && c < expected)),
      ),
    );
    if (value === expected && left > 0) {
      return done(
        t.fail(
          "lost_updates",
          `${call} returned ${value}, but when the workers had ended their shared counter held ${left}: ${expected - left} of the visits' ${expected} visitors were lost${trial}, and the returned number was not the workers' count.`,
          {
            expected,
            actual: left,
          },
        ),
      );
    }
    return done(notFromWorkers(t, stats, value === expected, `the count from ${call}`, expected, value));
  }
  if (value < expected) {
    const lost = expected - value;
    return done(
      t.fail(
        "lost_updates",
        `the ${wantCalls} visits brought ${expected} visitors, but the counter read ${value}: ${lost} ${lost === 1 ? "was" : "were"} lost${trial}. ` +
          "Two workers read the same value (read, read), both added their visit to it and both wrote it back (write, write), so one of the two additions disappeared.",
        { expected, actual: value },
      ),
    );
  }
  if (value !== expected)
    return done(
      t.fail(
        "wrong_result",
        `the ${wantCalls} visits brought ${expected} visitors, but the counter read ${value}${trial}`,
        { expected, actual: value },
      ),
    );
  return done(null);
}

/** What went wrong in a list that should hold exactly `expected` (sorted), with ties. */
function boardDamage(list: readonly number[], expected: readonly number[]) {
  const counts = new Map<number, number>();
  for (const v of expected) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const v of list) counts.set(v, (counts.get(v) ?? 0) - 1);
  let missing = 0;
  let extra = 0;
  for (const c of counts.values()) {
    if (c > 0) missing += c;
    else extra -= c;
  }
  let unsorted = 0;
  for (let i = 1; i < list.length; i++) if ((list[i - 1] ?? 0) > (list[i] ?? 0)) unsorted++;
  return { missing, extra, unsorted };
}

/**
 * The first worker, in the order the workers ended, whose scores — with those of every worker
 * that ended before it — were not all in the list when it ended. Each worker's memory is copied
 * on its own thread the moment its function settles, after it took its place in the end order
 * (grader/runners/ts/worker-pool.ts), so a worker that inserted its scores under the lock always
 * passes: the list then holds everything inserted so far. "In the list" is either of:
 * - in the stretch of memory where the returned list lies once the call is over (in any order:
 *   another worker may be halfway through moving entries up to insert its own);
 * - in one sorted stretch anywhere (a list kept in two buffers that the workers switch between).
 * Scores kept aside for someone to sort later are in neither, and a worker that never ended
 * inserted nothing.
 */
function scoresNotInsertedBy(
  stats: CallStats,
  drawn: readonly (readonly number[])[],
  list: readonly number[],
): string | null {
  const scoring = stats.workerMemory
    .map((memory, w) => ({ memory, own: drawn[w] ?? [] }))
    .filter(({ own }) => own.length > 0);
  scoring.sort((a, b) => (a.memory.endOrder ?? Infinity) - (b.memory.endOrder ?? Infinity));
  const want = new Map<number, number>();
  let size = 0;
  for (const { memory, own } of scoring) {
    if (memory.endOrder === null) return memory.worker;
    for (const v of own) want.set(v, (want.get(v) ?? 0) + 1);
    size += own.length;
    const holds = memory.views.some((view, j) => {
      const at = indexOfRun(memory.live[j] ?? [], list);
      return (
        (at >= 0 && stretchHolds(view.cells, at, at + list.length, want, size)) ||
        sortedStretchHolds(view.cells, want, size)
      );
    });
    if (!holds) return memory.worker;
  }
  return null;
}

/** Whether cells[from, to) hold every value of `want` (a multiset of `size` values). */
function stretchHolds(
  cells: ArrayLike<number>,
  from: number,
  to: number,
  want: ReadonlyMap<number, number>,
  size: number,
): boolean {
  if (to > cells.length || to - from < size) return false;
  const left = new Map(want);
  let missing = size;
  for (let j = from; j < to && missing > 0; j++) {
    const c = left.get(cells[j] ?? NaN);
    if (c === undefined || c === 0) continue;
    left.set(cells[j] ?? NaN, c - 1);
    missing--;
  }
  return missing === 0;
}

/** Whether some run of non-decreasing consecutive cells holds every value of `want`. */
function sortedStretchHolds(cells: ArrayLike<number>, want: ReadonlyMap<number, number>, size: number): boolean {
  let from = 0;
  for (let i = 1; i <= cells.length; i++) {
    if (i < cells.length && (cells[i] ?? 0) >= (cells[i - 1] ?? 0)) continue;
    if (stretchHolds(cells, from, i, want, size)) return true;
    from = i;
  }
  return false;
}

/** A worker that started this long before the previous one's last draw was already waiting for it. */
const TURN_MARGIN_MS = 5;

/**
 * Whether the scoring workers drew one after another although they ran together: in the order of
 * their first draw, every worker had started more than TURN_MARGIN_MS before the previous one's
 * last draw and drew nothing until then, and the previous one drew over at least TURN_MARGIN_MS.
 * A description for the message, or null. Workers that each draw their scores in one burst
 * (batch designs) never match, even when a crowded core runs the bursts one after another. Judged on the score clocks (host-owned, isolate/work-clock.ts).
 */
function drewInTurns(scorers: readonly WorkerRun[]): string | null {
  const spans = scorers.flatMap((r) => {
    const log = r.scoreProgress;
    const first = log?.[0]?.[0];
    const last = log?.[log.length - 1]?.[0];
    return first === undefined || last === undefined ? [] : [{ name: r.name, start: r.start, first, last }];
  });
  if (spans.length < 2 || spans.length < scorers.length) return null;
  spans.sort((a, b) => a.first - b.first);
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1]!;
    const now = spans[i]!;
    // The one before drew over a stretch (between its inserts), not in one burst: workers that
    // draw all their scores at once can also run one burst after another on a crowded core.
    const turn = before.last - before.first >= TURN_MARGIN_MS;
    if (!(turn && now.start < before.last - TURN_MARGIN_MS && now.first >= before.last)) return null;
  }
  const waited = spans.slice(1).map((s) => `${s.name} waited ${Math.round(s.first - s.start)} ms`);
  return `each started at once but drew its first score only after the previous one's last (${waited.join(", ")})`;
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
        return t.pass(
          `${TRIALS} trials, ${workers} workers x ${perWorker} visits each, no visitor lost, all in the workers' shared counter`,
        );
      },
    },
    {
      name: "the counting is split across worker threads",
      async run(t) {
        const { workers, perWorker } = drawSpread(t.rng);
        const { verdict, stats, visits } = await countTrial(t, workers, perWorker, "");
        if (verdict) return verdict;
        // Division in the host's own units: visits per worker, whatever CPU decoys burn.
        const total = visits.reduce((sum, v) => sum + v.calls, 0);
        const busiest = visits.reduce<WorkerVisits | undefined>(
          (a, b) => (a === undefined || b.calls > a.calls ? b : a),
          undefined,
        );
        const spread = busiest && busiest.calls > 0 ? Math.round((total / busiest.calls) * 100) / 100 : 0;
        const minSpread = t.thresholds.minWorkSpread ?? 1.5;
        if (spread < minSpread && busiest) {
          return t.fail(
            "not_parallel",
            `the count is right, but the visits were not divided among the workers: ${busiest.worker} made ${busiest.calls} of the ${total} (work spread ${spread.toFixed(2)} in visits, at least ${minSpread} needed). Workers that only spin or wait make no visits.`,
            {
              expected: `work spread >= ${minSpread}`,
              actual: visits.map((v) => `${v.worker}: ${v.calls} visits`).join(", "),
            },
          );
        }
        // Overlap and main's share among the workers that made visits: a decoy's run is not work.
        const visiting = new Set(visits.filter((v) => v.calls > 0).map((v) => v.worker));
        const parallel = parallelCheck(
          t,
          { ...stats, workers: stats.workers.filter((w) => visiting.has(w.name)) },
          { prefix: "the count is right, but " },
        );
        return (
          parallel.fail ??
          t.pass(
            `${visiting.size} workers made the ${total} visits, work spread ${spread.toFixed(2)} in visits; ${parallel.summary}`,
          )
        );
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
            return t.fail(
              "wrong_result",
              `${call} should resolve to an array of numbers, but it gave ${describeValue(value)}`,
            );
          }
          const unjoined = unjoinedWorkers(stats);
          if (value.length < n && unjoined > 0) {
            return t.fail(
              "task_failed",
              `${call} returned ${plural(value.length, "score")} while ${unjoined} of its ${plural(stats.workerMemory.length, "worker")} had not finished (or not even started): their joins were not awaited (handles.forEach(h => h.join()) starts the joins but waits for none of them).`,
              { expected: `${n} scores in order`, actual: `${value.length} scores` },
            );
          }
          const drawn = stats.workerMemory.map((m) => replayScores(m.counter));
          const onMain = scoreCalls(stats.mainCounter);
          const calls = onMain + stats.workerMemory.reduce((sum, m) => sum + scoreCalls(m.counter), 0);
          if (calls !== n) {
            const made = calls === 0 ? "score() was never called" : `score() was called ${plural(calls, "time")}`;
            return t.fail(
              "wrong_result",
              `${call} should insert ${n} scores (${perWorker} drawn with score() in each of the ${workers} workers), but ${made}.`,
              {
                expected: `${n} scores drawn`,
                actual: `${calls} scores drawn`,
              },
            );
          }
          if (onMain > 0) {
            return t.fail(
              "not_parallel",
              `the main isolate drew ${onMain === n ? "all" : `${onMain} of the`} ${n} scores with score(): each worker draws its own scores (call score() inside the function you give spawn) and inserts them into the shared list itself.`,
              { expected: "every score drawn in a worker", actual: `${onMain} scores drawn on the main isolate` },
            );
          }
          // The whole list as a worker that drew scores left it, wherever in the shared memory
          // passed to it (any layout: length in front, apart, or not kept at all).
          const scoring = new Set(
            stats.workerMemory.filter((_, w) => (drawn[w]?.length ?? 0) > 0).map((m) => m.worker),
          );
          // Division in the host's own units, as in count: scores drawn per worker.
          const busiest = stats.workerMemory.reduce(
            (a, m, w) => ((drawn[w]?.length ?? 0) > a.calls ? { worker: m.worker, calls: drawn[w]?.length ?? 0 } : a),
            { worker: "", calls: 0 },
          );
          const spread = busiest.calls > 0 ? Math.round((n / busiest.calls) * 100) / 100 : 0;
          const minSpread = t.thresholds.minWorkSpread ?? 1.5;
          if (spread < minSpread) {
            return t.fail(
              "not_parallel",
              `${call}: ${busiest.worker} drew ${busiest.calls} of the ${n} scores (work spread ${spread.toFixed(2)} in scores, at least ${minSpread} needed): each of the ${workers} workers draws its own ${perWorker} scores and inserts them itself.`,
              {
                expected: `${perWorker} scores drawn by each worker`,
                actual: stats.workerMemory.map((m, w) => `${m.worker}: ${drawn[w]?.length ?? 0}`).join(", "),
              },
            );
          }
          // Joined one at a time, the workers never insert at the same time: no lock is needed
          // and none is proven (the list is right whether or not insert() is protected).
          const scorers = stats.workers.filter((r) => scoring.has(r.name));
          if (scorers.length > 1 && scorers.slice(1).every((r) => r.afterJoins)) {
            return t.fail(
              "not_parallel",
              `the ${scorers.length} workers of ${call} ran one after another: each was joined before the next was spawned, so no two ever inserted at the same time and the lock was never put to the test. Spawn them all, then join them.`,
              {
                expected: "the workers running at the same time",
                actual: "each worker joined before the next started",
              },
            );
          }
          // Spawned together but drawing in turns: each worker started while the one before it
          // was still drawing, yet drew its first score only after that one's last. A turn cell
          // does the lock's job there, and the board is never put to the test either.
          const turns = drewInTurns(scorers);
          if (turns !== null) {
            return t.fail(
              "not_parallel",
              `the ${scorers.length} workers of ${call} took turns: ${turns}, so no two ever inserted at the same time and the lock was never put to the test. Let every worker draw and insert from the start, protecting only the insert.`,
              {
                expected: "the workers drawing and inserting at the same time",
                actual: "each worker waited for the previous one to finish before drawing",
              },
            );
          }
          const expected = drawn.flat().sort((a, b) => a - b);
          const damage = boardDamage(value, expected);
          const intact = value.length === n && damage.missing + damage.extra + damage.unsorted === 0;
          if (value.length > 0 && workersWriting(stats, value, scoring).length === 0) {
            return notFromWorkers(
              t,
              stats,
              intact,
              `the list from ${call}`,
              `${n} scores in order`,
              `${value.length} scores`,
            );
          }
          if (!intact) {
            return t.fail(
              "lost_updates",
              `expected the ${n} scores the workers drew, in order, but the list holds ${value.length}: ${damage.missing} missing, ${damage.extra} extra (one score written twice), ` +
                `${damage.unsorted} out of order (trial ${trial} of ${BOARD_TRIALS}). insert() reads the length, moves bigger scores up one slot at a time and ` +
                "then writes the new score and the new length. When two workers do that at the same time, each works from a list the other is changing, and " +
                "their writes overwrite each other.",
              { expected: `${n} scores in order`, actual: `${value.length} scores, ${damage.missing} missing` },
            );
          }
          const late = scoresNotInsertedBy(stats, drawn, value);
          if (late !== null) {
            return t.fail(
              "not_parallel",
              `the list from ${call} is right, but when ${late} ended, the scores it drew (with those of the workers that had ended before it) were not all in the list in the shared memory it was given: somebody inserted them after it had finished, or it never finished. Each worker inserts the scores it draws into the shared list, under the lock, before it ends.`,
              {
                expected: "each worker's scores in the sorted list when it ends",
                actual: `${late} ended before its scores were in the list`,
              },
            );
          }
        }
        return t.pass(`${BOARD_TRIALS} trials, ${n} scores each, none lost`);
      },
    },
  ],
});

// Hidden tests for ts/async-vs-workers. Inputs are drawn per grade from t.rng: the product
// ids, their prices and the server's latency, the prime limit and the worker count. The I/O
// part runs on the virtual clock: ~200 lookups of 30–80 ms each end after one latency when they
// overlap and after seconds when they do not, and the host counts which urls were fetched.
// The CPU part is judged by what each worker really decided: every number is tested with the
// grader's isPrime(n) (prime-work.ts), which notes, in memory only the host reads, the numbers
// each worker decided. So the host knows who did the work, not only which threads were busy:
// every number below the limit decided exactly once, on a worker; the work spread is the trial
// divisions of those numbers (the host's own count per number) over the busiest worker's; only
// workers that decided numbers count for overlap. Decoy workers that spin next to the main
// isolate or next to one worker that does everything decide nothing. parallelCheck (harness-api.ts)
// still judges main's CPU share and the threads' CPU on top of that. Wall-clock
// speedup against a one-worker run of the student's own code is reported as information only
// (DESIGN.md: it reads 1.0x when another process holds the other core).
import {
  defineTests,
  describeValue,
  parallelCheck,
  safeStringify,
  type TestContext,
  type TestVerdict,
} from "../../../grader/runners/ts/harness-api.ts";
import { fetchesOf, unfetched } from "../../../grader/runners/ts/observed.ts";
import { divisionsFor, noted } from "../../../grader/runners/ts/prime-work.ts";
import type { CallStats } from "../../../grader/runners/ts/run-call.ts";
import type { Rng } from "../../../exercises/quizzes/rng.ts";

type Catalogue = { ids: number[]; prices: Map<number, number>; latencyMs: number };

/** 150–250 distinct ids in random order; more than 8 (the worker budget), so a worker per lookup is over it. */
function drawCatalogue(rng: Rng): Catalogue {
  const count = rng.int(150, 250);
  const ids = new Set<number>();
  while (ids.size < count) ids.add(rng.int(1000, 99_999));
  const prices = new Map([...ids].map((id) => [id, rng.int(100, 99_999) / 100]));
  return { ids: [...ids], prices, latencyMs: rng.int(30, 80) };
}

const urlOf = (id: number) => `/price/${id}`;

function serverFor({ prices, latencyMs }: Catalogue) {
  return (url: string) => {
    const match = /^\/price\/(\d+)$/.exec(url);
    const price = match ? prices.get(Number(match[1])) : undefined;
    return price !== undefined ? { latencyMs, value: price } : { latencyMs: 5, error: `404: no such url ${url}` };
  };
}

/** π(limit) by a sieve on the host: the student's count must match it. */
function primesBelow(limit: number): number {
  const composite = new Uint8Array(limit);
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (composite[n]) continue;
    count++;
    for (let m = n * n; m < limit; m += n) composite[m] = 1;
  }
  return count;
}

/**
 * A limit near 400,000 (the statement's) and 3–5 workers: enough counting that one worker's
 * start-up is noise, and contiguous ranges still leave the busiest worker well under 2/3 of the work.
 */
function drawPrimeJob(rng: Rng): { limit: number; workers: number; expected: number } {
  const limit = rng.int(350_000, 450_000);
  return { limit, workers: rng.int(3, 5), expected: primesBelow(limit) };
}

async function prices(t: TestContext) {
  const catalogue = drawCatalogue(t.rng);
  const { ids } = catalogue;
  const result = await t.call("fetchPrices", [ids], { serve: serverFor(catalogue) });
  const fetches = fetchesOf(result.stats);
  const missing = unfetched(fetches, ids.map(urlOf));
  if (missing.length > 0) {
    const made =
      fetches.calls === 0 ? "made no fetchData call at all" : `looked up ${ids.length - missing.length} of them`;
    const verdict = t.fail(
      "wrong_result",
      `fetchPrices got ${ids.length} ids but ${made}: the price server never saw ${missing[0] ?? ""}${missing.length > 1 ? ` or ${missing.length - 1} more` : ""}. ` +
        "Prices change with every grade and exist only on the server.",
      { expected: `a fetchData call for each of the ${ids.length} ids`, actual: `${fetches.calls} fetchData call(s)` },
    );
    return { verdict, result, catalogue };
  }
  const expected = ids.map((id) => catalogue.prices.get(id));
  if (safeStringify(result.value) !== safeStringify(expected)) {
    const got = Array.isArray(result.value) ? `${result.value.length} prices` : describeValue(result.value);
    const verdict = t.fail(
      "wrong_result",
      `fetchPrices should resolve to all ${ids.length} prices in the order of the ids, but it gave ${got}`,
      {
        expected: `${ids.length} prices, starting ${JSON.stringify(expected.slice(0, 3))}`,
        actual: Array.isArray(result.value)
          ? `${result.value.length} values, starting ${describeValue(result.value.slice(0, 3))}`
          : result.value,
      },
    );
    return { verdict, result, catalogue };
  }
  return { verdict: null, result, catalogue };
}

type Work = { worker: string; decided: number; divisions: number };

/** Trial divisions per number below `limit`, computed once per limit. */
const costCache = new Map<number, Uint32Array>();
function costsBelow(limit: number): Uint32Array {
  let costs = costCache.get(limit);
  if (!costs) {
    costs = new Uint32Array(limit);
    for (let n = 2; n < limit; n++) costs[n] = divisionsFor(n);
    costCache.clear();
    costCache.set(limit, costs);
  }
  return costs;
}

/**
 * Who decided which number: every n in [2, limit) must have been decided by exactly one isPrime
 * call, on a worker. Twice is wrong_result (work done again); never, with the count right, means
 * the count (or part of it) was made without the workers' isPrime calls: not_parallel.
 */
function judgeWork(
  t: TestContext,
  stats: CallStats,
  limit: number,
  call: string,
): { verdict: TestVerdict | null; work: Work[] } {
  const costs = costsBelow(limit);
  const work: Work[] = stats.workerMemory.map((m) => ({ worker: m.worker, decided: 0, divisions: 0 }));
  const notes = stats.workerMemory.map((m) => m.primes);
  let missing = 0;
  let firstMissing = -1;
  let twice = 0;
  let firstTwice = -1;
  for (let n = 2; n < limit; n++) {
    let by = 0;
    for (let w = 0; w < notes.length; w++) {
      if (!noted(notes[w]!, n)) continue;
      by++;
      work[w]!.decided++;
      work[w]!.divisions += costs[n]!;
    }
    if (by === 0 && missing++ === 0) firstMissing = n;
    if (by > 1 && twice++ === 0) firstTwice = n;
  }
  const repeats = stats.workerMemory.map((m) => new Int32Array(m.primes.buffer, m.primes.byteOffset, 2)[1]!);
  const repeater = repeats.findIndex((r) => r > 0);
  if (twice > 0 || repeater >= 0) {
    const what =
      twice > 0
        ? `${twice} number${twice === 1 ? " was" : "s were"} decided by more than one worker (the first: isPrime(${firstTwice}))`
        : `${stats.workerMemory[repeater]!.worker} called isPrime ${repeats[repeater]} time${repeats[repeater] === 1 ? "" : "s"} on a number it had already decided`;
    return {
      verdict: t.fail(
        "wrong_result",
        `${call}: ${what}. Each number below the limit is decided by one isPrime call: work done twice is not divided.`,
        {
          expected: "each number decided once",
          actual: what,
        },
      ),
      work,
    };
  }
  if (missing > 0) {
    const none = missing === limit - 2;
    const where =
      stats.workerMemory.length === 0
        ? "no worker was started"
        : none
          ? "no worker decided any number with isPrime"
          : `${missing} of the ${limit - 2} numbers from 2 to ${limit - 1} were never decided by isPrime on a worker (the first: ${firstMissing})`;
    return {
      verdict: t.fail(
        "not_parallel",
        `the count from ${call} is right, but ${where}: the count was made elsewhere (the main isolate, or code other than isPrime), not by the workers' isPrime calls.`,
        {
          expected: `every number from 2 to ${limit - 1} decided by isPrime on a worker`,
          actual: where,
        },
      ),
      work,
    };
  }
  return { verdict: null, work };
}

async function primes(
  t: TestContext,
  limit: number,
  workers: number,
  expected: number,
): Promise<{ verdict: TestVerdict | null; stats: CallStats; work: Work[] }> {
  const { value, stats } = await t.call("countPrimes", [limit, workers], { primesCountedBelow: limit });
  const call = `countPrimes(${limit}, ${workers})`;
  if (value !== expected) {
    return {
      verdict: t.fail("wrong_result", `${call} should be ${expected}, but it gave ${describeValue(value)}`, {
        expected,
        actual: value,
      }),
      stats,
      work: [],
    };
  }
  const { verdict, work } = judgeWork(t, stats, limit, call);
  return { verdict, stats, work };
}

/** Workers' trial divisions ÷ the busiest worker's: ≈1 when one worker decided nearly everything. */
function divisionSpread(work: readonly Work[]): { spread: number; busiest: Work | undefined; total: number } {
  const total = work.reduce((sum, w) => sum + w.divisions, 0);
  const busiest = work.reduce<Work | undefined>(
    (a, b) => (a === undefined || b.divisions > a.divisions ? b : a),
    undefined,
  );
  const spread = busiest && busiest.divisions > 0 ? Math.round((total / busiest.divisions) * 100) / 100 : 0;
  return { spread, busiest, total };
}

export default defineTests({
  exports: { fetchPrices: "function", countPrimes: "function" },
  tests: [
    {
      name: "fetchPrices looks up every price and returns them in order",
      clock: "virtual",
      async run(t) {
        return (await prices(t)).verdict ?? t.pass();
      },
    },
    {
      name: "the lookups overlap on one thread (about one latency of virtual time)",
      clock: "virtual",
      async run(t) {
        const { verdict, result, catalogue } = await prices(t);
        if (verdict) return verdict;
        const { ids, latencyMs } = catalogue;
        const took = Math.round(result.stats.virtualMs);
        const limit = latencyMs * (t.thresholds.overlapFactor ?? 2);
        if (took > limit) {
          const inWorkers =
            result.stats.threadsUsed > 1
              ? ` You used ${result.stats.threadsUsed - 1} worker${result.stats.threadsUsed - 1 === 1 ? "" : "s"}: inside a worker, fetchData blocks that worker's thread, so each worker looked prices up one at a time.`
              : "";
          return t.fail(
            "no_overlap",
            `fetchPrices took ${took} ms of virtual time; with all ${ids.length} lookups in flight at once it takes ${latencyMs} ms, one after another ${ids.length * latencyMs} ms.${inWorkers}`,
            { expected: `at most ${limit} ms of virtual time`, actual: `${took} ms` },
          );
        }
        const inFlight = fetchesOf(result.stats).maxInFlight;
        return t.pass(
          `${ids.length} lookups in ${took} ms of virtual time, up to ${inFlight} in flight at once, on ${result.stats.threadsUsed} thread(s)`,
        );
      },
    },
    {
      name: "countPrimes(limit, workers) counts right",
      async run(t) {
        const { limit, workers, expected } = drawPrimeJob(t.rng);
        return (
          (await primes(t, limit, workers, expected)).verdict ??
          t.pass(`countPrimes(${limit}, ${workers}) = ${expected}`)
        );
      },
    },
    {
      name: "the prime count is split across the workers",
      async run(t) {
        const { limit, workers, expected } = drawPrimeJob(t.rng);
        const baseline = await primes(t, limit, 1, expected);
        if (baseline.verdict) return baseline.verdict;
        const { verdict, stats, work } = await primes(t, limit, workers, expected);
        if (verdict) return verdict;
        const speedup = Math.round((baseline.stats.wallMs / Math.max(stats.wallMs, 1)) * 100) / 100;
        const { spread, busiest, total } = divisionSpread(work);
        const timing = {
          wallMs: stats.wallMs,
          cpuMs: stats.cpuMs,
          workSpread: spread,
          threadsUsed: stats.threadsUsed,
          speedup,
        };
        const minSpread = t.thresholds.minWorkSpread ?? 1.5;
        if (spread < minSpread && busiest) {
          const share = Math.round((busiest.divisions / Math.max(total, 1)) * 100);
          return t.fail(
            "not_parallel",
            `the count is right, but the numbers were not divided among the workers: ${busiest.worker} decided ${busiest.decided} of the ${limit - 2} numbers, ${share}% of the trial divisions ` +
              `(work spread ${spread.toFixed(2)}, at least ${minSpread} needed). Workers that only spin or wait decide nothing.`,
            {
              expected: `work spread >= ${minSpread}`,
              actual: work.map((w) => `${w.worker}: ${w.decided} numbers`).join(", "),
              timing,
            },
          );
        }
        // Overlap and main's share among the workers that decided numbers: a decoy's run is not work.
        const deciding = new Set(work.filter((w) => w.decided > 0).map((w) => w.worker));
        const parallel = parallelCheck(
          t,
          { ...stats, workers: stats.workers.filter((w) => deciding.has(w.name)) },
          { prefix: "the count is right, but " },
        );
        if (parallel.fail) return { ...parallel.fail, timing };
        return t.pass(
          `${deciding.size} workers decided the ${limit - 2} numbers, work spread ${spread.toFixed(2)} in trial divisions; ${parallel.summary}; wall-clock speedup ${speedup}x against countPrimes(${limit}, 1) (information only: it depends on how many cores are free)`,
          { timing },
        );
      },
    },
  ],
});

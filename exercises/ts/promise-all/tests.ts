// Hidden tests for ts/promise-all. They run on the host, on the virtual clock: fetchData()
// answers after its latency in virtual time, so "100 ms, not 300" is exact and costs no real
// waiting. Urls, answers and latencies are drawn per grade from t.rng, and the fake server
// below is the only place the answers exist: the host counts which urls were really fetched.
import {
  defineTests,
  describeValue,
  safeStringify,
  type CallResult,
  type TestContext,
  type TestVerdict,
} from "../../../grader/runners/ts/harness-api.ts";
import { fetchesOf, unfetched } from "../../../grader/runners/ts/observed.ts";
import type { Rng } from "../../../exercises/quizzes/rng.ts";

type Route = { url: string; latencyMs: number; answer: string };

const PEOPLE = [
  "Ada Lovelace",
  "Alan Turing",
  "Grace Hopper",
  "Edsger Dijkstra",
  "Barbara Liskov",
  "Tony Hoare",
  "Leslie Lamport",
  "Frances Allen",
  "John Backus",
  "Radia Perlman",
];
const CITIES = ["Oslo", "Lima", "Kyiv", "Pune", "Nuuk", "Quito", "Perth", "Accra", "Hanoi", "Tunis", "Cork", "Fargo"];
const SKIES = ["snow", "mist", "rain", "sun", "wind", "hail", "fog", "clear"];

/** Three profiles, 100 ms each (the statement's example), with urls and answers new every grade. */
function drawProfiles(rng: Rng): Route[] {
  return rng.sample(PEOPLE, 3).map((name) => {
    const id = rng.int(100, 99_999);
    const slug = name.split(" ")[0]?.toLowerCase() ?? "user";
    return { url: `/users/${slug}-${id}`, latencyMs: 100, answer: `${name} #${id}, ${rng.int(1800, 2000)}` };
  });
}

/**
 * Five forecasts of distinct latencies. Arrival order differs from the order of the urls
 * (so collecting answers as they arrive is caught), and the latencies add up to at least
 * twice the slowest (so requests one after another are caught by overlapFactor 1.5 too).
 */
function drawForecasts(rng: Rng): Route[] {
  for (;;) {
    const latencies = rng.sample(
      Array.from({ length: 24 }, (_, i) => 10 * (i + 1)),
      5,
    );
    const sorted = latencies.every((l, i) => i === 0 || (latencies[i - 1] ?? 0) < l);
    const serial = latencies.reduce((a, b) => a + b, 0);
    if (sorted || serial < 2 * Math.max(...latencies)) continue;
    return rng.sample(CITIES, 5).map((city, i) => ({
      url: `/weather/${city.toLowerCase()}?day=${rng.int(1, 366)}`,
      latencyMs: latencies[i] ?? 10,
      answer: `${city}: ${rng.int(-20, 38)}°C, ${rng.pick(SKIES)}`,
    }));
  }
}

function serverFor(routes: Route[]) {
  const byUrl = new Map(routes.map((r) => [r.url, r]));
  return (url: string) => {
    const route = byUrl.get(url);
    return route
      ? { latencyMs: route.latencyMs, value: route.answer }
      : { latencyMs: 5, error: `404: no such url ${url}` };
  };
}

type Run = { result: CallResult; routes: Route[]; slowest: number; serial: number };

async function fetchAllOf(t: TestContext, routes: Route[]): Promise<Run> {
  const result = await t.call("fetchAll", [routes.map((r) => r.url)], { serve: serverFor(routes) });
  const latencies = routes.map((r) => r.latencyMs);
  return { result, routes, slowest: Math.max(...latencies), serial: latencies.reduce((a, b) => a + b, 0) };
}

/** Every url must have reached the server: the answers exist nowhere else, and change every grade. */
function checkFetched(t: TestContext, { result, routes }: Run): TestVerdict | null {
  const fetches = fetchesOf(result.stats);
  const missing = unfetched(
    fetches,
    routes.map((r) => r.url),
  );
  if (missing.length === 0) return null;
  const made =
    fetches.calls === 0 ? "made no fetchData call at all" : `fetched ${routes.length - missing.length} of them`;
  return t.fail(
    "wrong_result",
    `fetchAll got ${routes.length} urls but ${made}: the server never saw a request for ${missing.slice(0, 2).join(", ")}${missing.length > 2 ? ` or ${missing.length - 2} more` : ""}. ` +
      "The answers come only from the server and change with every grade.",
    {
      expected: `a fetchData call for each of the ${routes.length} urls`,
      actual: `${fetches.calls} fetchData call(s)`,
    },
  );
}

/** The answers must all be there, in order; a missing one usually means a promise nobody awaited. */
function checkAnswers(t: TestContext, { result, routes }: Run): TestVerdict | null {
  const expected = routes.map((r) => r.answer);
  const { value, stats } = result;
  if (safeStringify(value) === safeStringify(expected)) return null;
  const inFlight =
    stats.pendingAtEnd > 0
      ? ` ${stats.pendingAtEnd} request${stats.pendingAtEnd === 1 ? " was" : "s were"} still in flight when fetchAll returned: ` +
        "they were started but never awaited (forEach, for one, ignores the promise an async callback returns)."
      : "";
  const got = Array.isArray(value) ? `${value.length} answer${value.length === 1 ? "" : "s"}` : describeValue(value);
  return t.fail(
    "wrong_result",
    `fetchAll should resolve to all ${expected.length} answers in the order of the urls, but it gave ${got}.${inFlight}`,
    {
      expected,
      actual: value,
    },
  );
}

/**
 * Fully overlapped requests are all in flight at one same moment, before the first answer:
 * that is checked on the host's record of every request, so batches of fewer than all of them
 * (or a pool with fewer lanes than urls) are caught whatever latencies were drawn, even when a
 * late request is so fast that the total time hardly grows. The virtual time must also stay
 * near the slowest latency (overlapFactor): room for a little work after the answers are in.
 */
function checkOverlap(t: TestContext, run: Run): TestVerdict {
  const count = run.routes.length;
  const took = Math.round(run.result.stats.virtualMs);
  const factor = t.thresholds.overlapFactor ?? 1.5;
  const together = inFlightTogether(run);
  if (together < count || took > run.slowest * factor) {
    const late =
      together < count
        ? `At most ${together} of the ${count} requests were in flight at the same moment, so the others were started only after some answers had come back`
        : "Some requests were started only after others had answered";
    return t.fail(
      "no_overlap",
      `fetchAll took ${took} ms of virtual time for ${count} requests; overlapping all of them takes ${run.slowest} ms (the slowest one alone), ` +
        `one after another takes ${run.serial} ms. ${late}: an await pauses fetchAll until those answers are in. ` +
        "Start every request before the first await, not a few at a time.",
      {
        expected: `all ${count} requests in flight at once, at most ${Math.round(run.slowest * factor)} ms of virtual time`,
        actual: `at most ${together} of them at once, ${took} ms`,
      },
    );
  }
  const inFlight = fetchesOf(run.result.stats).maxInFlight;
  return t.pass(
    `${count} requests in ${took} ms of virtual time, up to ${inFlight} in flight at once (one after another: ${run.serial} ms)`,
  );
}

/** The most of the routes' urls that had a request open at one same moment (starts are the candidates). */
function inFlightTogether({ result, routes }: Run): number {
  const fetches = result.stats.waits.filter((w) => w.kind === "fetch");
  const urls = new Set(routes.map((r) => r.url));
  const open = (f: (typeof fetches)[number], at: number) => f.start <= at && at < (f.end ?? result.stats.virtualMs);
  let most = 0;
  for (const { start } of fetches) {
    const here = new Set(
      fetches.filter((f) => f.url !== undefined && urls.has(f.url) && open(f, start)).map((f) => f.url),
    );
    most = Math.max(most, here.size);
  }
  return most;
}

export default defineTests({
  exports: { fetchAll: "function" },
  tests: [
    {
      name: "fetchAll returns every answer, in order",
      clock: "virtual",
      async run(t) {
        const run = await fetchAllOf(t, drawProfiles(t.rng));
        return (
          checkFetched(t, run) ??
          checkAnswers(t, run) ??
          t.pass(`${run.routes.length} answers in order, each fetched from the server`)
        );
      },
    },
    {
      name: "three 100 ms requests overlap: 100 ms of virtual time, not 300",
      clock: "virtual",
      async run(t) {
        const run = await fetchAllOf(t, drawProfiles(t.rng));
        return checkFetched(t, run) ?? checkAnswers(t, run) ?? checkOverlap(t, run);
      },
    },
    {
      name: "five requests of different latency take as long as the slowest",
      clock: "virtual",
      async run(t) {
        const run = await fetchAllOf(t, drawForecasts(t.rng));
        return checkFetched(t, run) ?? checkAnswers(t, run) ?? checkOverlap(t, run);
      },
    },
  ],
});

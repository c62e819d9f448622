// Hidden tests for ts/promise-all. They run on the host, on the virtual clock: fetchData()
// answers after its latency in virtual time, so "100 ms, not 300" is exact and costs no real
// waiting. The fake server below is the only source of answers.
import { defineTests, describeValue, type CallResult, type TestContext, type TestVerdict } from "../../../grader/runners/ts/harness-api.ts";

type Route = { latencyMs: number; answer: string };

const PROFILES: Record<string, Route> = {
  "/users/ada": { latencyMs: 100, answer: "Ada Lovelace, 1815" },
  "/users/alan": { latencyMs: 100, answer: "Alan Turing, 1912" },
  "/users/grace": { latencyMs: 100, answer: "Grace Hopper, 1906" },
};
const MIXED: Record<string, Route> = {
  "/weather/oslo": { latencyMs: 40, answer: "Oslo: 4°C, snow" },
  "/weather/lima": { latencyMs: 200, answer: "Lima: 19°C, mist" },
  "/weather/kyiv": { latencyMs: 70, answer: "Kyiv: 11°C, rain" },
  "/weather/pune": { latencyMs: 120, answer: "Pune: 31°C, sun" },
  "/weather/nuuk": { latencyMs: 10, answer: "Nuuk: -7°C, wind" },
};

function serverFor(routes: Record<string, Route>) {
  return (url: string) => {
    const route = routes[url];
    return route ? { latencyMs: route.latencyMs, value: route.answer } : { latencyMs: 5, error: `404: no such url ${url}` };
  };
}

async function fetchAllOf(t: TestContext, routes: Record<string, Route>): Promise<{ result: CallResult; expected: string[]; slowest: number; serial: number }> {
  const urls = Object.keys(routes);
  const result = await t.call("fetchAll", [urls], { serve: serverFor(routes) });
  const latencies = Object.values(routes).map((r) => r.latencyMs);
  return { result, expected: Object.values(routes).map((r) => r.answer), slowest: Math.max(...latencies), serial: latencies.reduce((a, b) => a + b, 0) };
}

/** The answers must all be there, in order; a missing one usually means a promise nobody awaited. */
function checkAnswers(t: TestContext, expected: string[], { value, stats }: CallResult): TestVerdict | null {
  if (JSON.stringify(value) === JSON.stringify(expected)) return null;
  const inFlight =
    stats.pendingAtEnd > 0
      ? ` ${stats.pendingAtEnd} request${stats.pendingAtEnd === 1 ? " was" : "s were"} still in flight when fetchAll returned: ` +
        "they were started but never awaited (forEach, for one, ignores the promise an async callback returns)."
      : "";
  const got = Array.isArray(value) ? `${value.length} answer${value.length === 1 ? "" : "s"}` : describeValue(value);
  return t.fail("wrong_result", `fetchAll should resolve to all ${expected.length} answers in the order of the urls, but it gave ${got}.${inFlight}`, {
    expected,
    actual: value,
  });
}

function checkOverlap(t: TestContext, run: { result: CallResult; slowest: number; serial: number }, count: number): TestVerdict {
  const took = Math.round(run.result.stats.virtualMs);
  const factor = t.thresholds.overlapFactor ?? 1.5;
  if (took > run.slowest * factor) {
    return t.fail(
      "no_overlap",
      `fetchAll took ${took} ms of virtual time for ${count} requests; overlapping would take ${run.slowest} ms (the slowest one alone), ` +
        `one after another takes ${run.serial} ms. An await pauses fetchAll until that answer is in, so a request started after it ` +
        "waits for the previous ones. Start every request first, then await them together (Promise.all).",
      { expected: `at most ${Math.round(run.slowest * factor)} ms of virtual time`, actual: `${took} ms` },
    );
  }
  return t.pass(`${count} requests in ${took} ms of virtual time (one after another: ${run.serial} ms)`);
}

export default defineTests({
  exports: { fetchAll: "function" },
  tests: [
    {
      name: "fetchAll returns every answer, in order",
      clock: "virtual",
      async run(t) {
        const run = await fetchAllOf(t, PROFILES);
        return checkAnswers(t, run.expected, run.result) ?? t.pass(`${run.expected.length} answers in order`);
      },
    },
    {
      name: "three 100 ms requests overlap: 100 ms of virtual time, not 300",
      clock: "virtual",
      async run(t) {
        const run = await fetchAllOf(t, PROFILES);
        return checkAnswers(t, run.expected, run.result) ?? checkOverlap(t, run, 3);
      },
    },
    {
      name: "five requests of different latency take as long as the slowest",
      clock: "virtual",
      async run(t) {
        const run = await fetchAllOf(t, MIXED);
        return checkAnswers(t, run.expected, run.result) ?? checkOverlap(t, run, 5);
      },
    },
  ],
});

// Hidden tests for ts/blocked-event-loop. Every call runs next to the harness's heartbeat
// task (every 10 ms), and the runner times each slice of main-isolate code between two
// yields on the host. A slice over thresholds.maxStallMs (50 ms) fails the call with
// blocked_runtime before these tests look at the value. Why 50: the reference stretch runs
// for ~400 ms in one piece (more on a loaded machine, never less), and a chunked solution's
// slices take ~2 ms; 50 ms sits far from both, so load cannot flip the verdict.
import { defineTests, describeValue, type TestContext, type TestVerdict } from "../../../grader/runners/ts/harness-api.ts";

const HEARTBEAT_MS = 10;

/** Digests of the starter's algorithm (ROUNDS = 5,000,000), computed once on the host. */
const LOGINS = [
  { password: "correct horse battery staple", salt: "NaCl-7f3a", digest: "4f442bb9a43c3e92661f31adc9604758" },
  { password: "hunter2", salt: "salt-0042", digest: "439088224c48d720705894cb1b8f73e9" },
] as const;

async function login(t: TestContext, which: 0 | 1): Promise<TestVerdict> {
  const { password, salt, digest } = LOGINS[which];
  const { value, stats } = await t.call("handleLogin", [password, salt], { heartbeatMs: HEARTBEAT_MS });
  if (value !== digest) {
    return t.fail(
      "wrong_result",
      `handleLogin(${JSON.stringify(password)}, ${JSON.stringify(salt)}) should resolve to the digest ${digest}, but it gave ${describeValue(value)}. ` +
        "Keep the algorithm as it is: all ROUNDS rounds, in order, on the same state.",
      { expected: digest, actual: value },
    );
  }
  const beat = stats.heartbeat;
  const gap = beat ? `; the heartbeat never waited more than ${beat.longestGapMs} ms (${beat.beats} beats)` : "";
  return t.pass(`right digest; the longest slice between two yields took ${stats.longestStallMs.toFixed(1)} ms${gap}`);
}

export default defineTests({
  exports: { handleLogin: "function" },
  tests: [
    { name: "a login gets the right digest, without blocking the event loop", clock: "virtual", run: (t) => login(t, 0) },
    { name: "a second login, with the heartbeat still beating every 10 ms", clock: "virtual", run: (t) => login(t, 1) },
  ],
});

// Hidden tests for ts/blocked-event-loop. Every call runs next to the harness's heartbeat
// task (every 10 ms), and the runner times each slice of main-isolate code between two
// yields on the host. A slice over thresholds.maxStallMs (50 ms) fails the call with
// blocked_runtime before these tests look at the value. Why 50: the reference stretch runs
// for ~400 ms in one piece (more on a loaded machine, never less), and a chunked solution's
// slices take ~2 ms; 50 ms sits far from both, so load cannot flip the verdict.
// Passwords and salts are drawn per grade from t.rng and their digests computed here, on the
// host: all ROUNDS rounds depend on each other, so only doing the work gives the digest.
import {
  defineTests,
  describeValue,
  type TestContext,
  type TestVerdict,
} from "../../../grader/runners/ts/harness-api.ts";
import type { Rng } from "../../../exercises/quizzes/rng.ts";

const HEARTBEAT_MS = 10;

const ROUNDS = 5_000_000;
const WORDS = [
  "correct",
  "horse",
  "battery",
  "staple",
  "hunter",
  "dragon",
  "sunshine",
  "monkey",
  "letmein",
  "shadow",
  "falcon",
  "orbit",
];

/** A password of 1–4 words and a number, and a salt of 8 hex digits. */
function drawLogin(rng: Rng): { password: string; salt: string } {
  const words = rng.sample(WORDS, rng.int(1, 4));
  const salt = Array.from({ length: 8 }, () => rng.int(0, 15).toString(16)).join("");
  return { password: `${words.join(" ")}${rng.int(0, 999)}`, salt: `salt-${salt}` };
}

/** The statement's algorithm (the starter's seed, mixRounds and toHex), run on the host. */
function digestOf(password: string, salt: string): string {
  const state = [0x6a09e667 | 0, 0xbb67ae85 | 0, 0x3c6ef372 | 0, 0xa54ff53a | 0];
  const text = `${password}\u0000${salt}`;
  for (let i = 0; i < text.length; i++) state[i & 3] = Math.imul((state[i & 3] ?? 0) ^ text.charCodeAt(i), 0x01000193);
  let [a = 0, b = 0, c = 0, d = 0] = state;
  for (let r = 0; r < ROUNDS; r++) {
    a = (Math.imul(a ^ (b >>> 15), 0x2c1b3c6d) + r) | 0;
    b = Math.imul(b ^ (c >>> 13), 0x297a2d39) ^ a;
    c = (c + Math.imul(d ^ (a >>> 16), 0x85ebca6b)) | 0;
    d = ((d ^ c) + ((d << 7) | (d >>> 25))) | 0;
  }
  return [a, b, c, d].map((word) => (word >>> 0).toString(16).padStart(8, "0")).join("");
}

async function login(t: TestContext): Promise<TestVerdict> {
  const { password, salt } = drawLogin(t.rng);
  const digest = digestOf(password, salt);
  const { value, stats } = await t.call("handleLogin", [password, salt], { heartbeatMs: HEARTBEAT_MS });
  if (value !== digest) {
    return t.fail(
      "wrong_result",
      `handleLogin(${JSON.stringify(password)}, ${JSON.stringify(salt)}) should resolve to the digest ${digest}, but it gave ${describeValue(value)}.`,
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
    { name: "a login gets the right digest, without blocking the event loop", clock: "virtual", run: (t) => login(t) },
    { name: "a second login, with the heartbeat still beating every 10 ms", clock: "virtual", run: (t) => login(t) },
  ],
});

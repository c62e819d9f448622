// Hidden tests for ts/message-passing. gather()'s result is a copied array; the channel's
// counts (sent, received, still queued, discarded) are host truth from the runner. Every
// verdict here is deterministic:
// - a reader that looks at shared memory before any await sees nothing, because the runner
//   starts the workers of a spawn burst only once the spawning code yields;
// - a consumer that drops an item or stops early is caught by exact counting;
// - a channel whose last Sender stays open ends in a deadlock the runner detects (nothing
//   running, nothing pending) instead of a timeout.
import { defineTests, describeValue, type TestContext, type TestVerdict } from "../../../grader/runners/ts/harness-api.ts";

function expectedItems(producers: number, perProducer: number): number[] {
  return Array.from({ length: producers * perProducer }, (_, i) => i);
}

function exactlyOnce(t: TestContext, value: unknown, producers: number, perProducer: number, channel: { sent: number; discarded: number }): TestVerdict | null {
  const expected = expectedItems(producers, perProducer);
  if (!Array.isArray(value) || !value.every((v) => typeof v === "number")) {
    return t.fail("wrong_result", `gather(${producers}, ${perProducer}) should resolve to an array of numbers, but it gave ${describeValue(value)}`);
  }
  const seen = new Map<number, number>();
  for (const v of value) seen.set(v, (seen.get(v) ?? 0) + 1);
  const missing = expected.filter((v) => !seen.has(v));
  const duplicated = [...seen].filter(([, n]) => n > 1).map(([v]) => v);
  const strangers = [...seen.keys()].filter((v) => !Number.isInteger(v) || v < 0 || v >= expected.length);
  if (missing.length === 0 && duplicated.length === 0 && strangers.length === 0) return null;
  const parts = [
    missing.length > 0 ? `${missing.length} missing (for example ${missing.slice(0, 3).join(", ")})` : "",
    duplicated.length > 0 ? `${duplicated.length} received more than once (for example ${duplicated.slice(0, 3).join(", ")})` : "",
    strangers.length > 0 ? `${strangers.length} that no producer sends (for example ${strangers.slice(0, 3).join(", ")})` : "",
  ].filter(Boolean);
  const { sent, discarded } = channel;
  const late = discarded > 0 ? ` ${discarded} item(s) were sent after the consumer had stopped receiving, and were lost.` : "";
  const empty =
    value.length === 0 && sent === 0
      ? " Nothing arrived at all: if you read shared memory, nothing guarantees the workers have written it yet — they start only when your code first awaits; pass the items through the channel instead."
      : "";
  return t.fail("wrong_result", `gather(${producers}, ${perProducer}) should deliver each of the ${expected.length} numbers exactly once, but got ${value.length}: ${parts.join("; ")}.${late}${empty}`, {
    expected: `${expected.length} distinct numbers 0…${expected.length - 1}`,
    actual: `${value.length} numbers`,
  });
}

/** A channel keeps each sender's messages in the order they were sent. */
function inOrderPerProducer(t: TestContext, value: number[], perProducer: number): TestVerdict | null {
  const last = new Map<number, number>();
  for (const v of value) {
    const producer = Math.floor(v / perProducer);
    const before = last.get(producer);
    if (before !== undefined && v < before) {
      return t.fail("wrong_result", `producer ${producer} sent ${before} before ${v}, but the consumer returned ${v} after ${before}: keep the items in the order they arrive`, {
        expected: "each producer's numbers in increasing order",
        actual: `${before} before ${v}`,
      });
    }
    last.set(producer, v);
  }
  return null;
}

async function gather(t: TestContext, producers: number, perProducer: number): Promise<TestVerdict> {
  const { value, stats } = await t.call("gather", [producers, perProducer]);
  const discarded = stats.channels.reduce((sum, c) => sum + c.discarded, 0);
  const sent = stats.channels.reduce((sum, c) => sum + c.sent, 0);
  const wrong = exactlyOnce(t, value, producers, perProducer, { sent, discarded }) ?? inOrderPerProducer(t, value as number[], perProducer);
  if (wrong) return wrong;
  return t.pass(`${producers * perProducer} numbers arrived exactly once (${sent} messages through ${stats.channels.length} channel(s), ${stats.threadsUsed - 1} workers)`);
}

export default defineTests({
  exports: { gather: "function" },
  tests: [
    { name: "three producers, 300 numbers each: every number arrives exactly once", run: (t) => gather(t, 3, 300) },
    { name: "one producer, 500 numbers: all of them, in the order sent", run: (t) => gather(t, 1, 500) },
    { name: "five producers, 100 numbers each", run: (t) => gather(t, 5, 100) },
  ],
});

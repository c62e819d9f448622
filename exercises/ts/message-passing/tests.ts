// Hidden tests for ts/message-passing. gather()'s result is a copied array; the channels'
// counts (sent, received, still queued, discarded, and who sent and received each message)
// are host truth from the runner. The producer and item counts are drawn per grade from
// t.rng, and the messages themselves are checked: the items must have travelled from producer
// workers to a consumer worker. Every verdict here is deterministic:
// - a reader that looks at shared memory before any await sees nothing, because the runner
//   starts the workers of a spawn burst only once the spawning code yields;
// - a consumer that drops an item or stops early is caught by exact counting;
// - a channel whose last Sender stays open ends in a deadlock the runner detects (nothing
//   running, nothing pending) instead of a timeout.
import {
  defineTests,
  describeValue,
  type TestContext,
  type TestVerdict,
} from "../../../grader/runners/ts/harness-api.ts";
import { messagesOf } from "../../../grader/runners/ts/observed.ts";
import type { CallStats } from "../../../grader/runners/ts/run-call.ts";

/** "1 worker", "3 workers". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function expectedItems(producers: number, perProducer: number): number[] {
  return Array.from({ length: producers * perProducer }, (_, i) => i);
}

function exactlyOnce(
  t: TestContext,
  value: unknown,
  producers: number,
  perProducer: number,
  channel: { sent: number; discarded: number },
): TestVerdict | null {
  const expected = expectedItems(producers, perProducer);
  if (!Array.isArray(value) || !value.every((v) => typeof v === "number")) {
    return t.fail(
      "wrong_result",
      `gather(${producers}, ${perProducer}) should resolve to an array of numbers, but it gave ${describeValue(value)}`,
    );
  }
  const seen = new Map<number, number>();
  for (const v of value) seen.set(v, (seen.get(v) ?? 0) + 1);
  const missing = expected.filter((v) => !seen.has(v));
  const duplicated = [...seen].filter(([, n]) => n > 1).map(([v]) => v);
  const strangers = [...seen.keys()].filter((v) => !Number.isInteger(v) || v < 0 || v >= expected.length);
  if (missing.length === 0 && duplicated.length === 0 && strangers.length === 0) return null;
  const parts = [
    missing.length > 0 ? `${missing.length} missing (for example ${missing.slice(0, 3).join(", ")})` : "",
    duplicated.length > 0
      ? `${duplicated.length} received more than once (for example ${duplicated.slice(0, 3).join(", ")})`
      : "",
    strangers.length > 0
      ? `${strangers.length} that no producer sends (for example ${strangers.slice(0, 3).join(", ")})`
      : "",
  ].filter(Boolean);
  const { sent, discarded } = channel;
  const late =
    discarded > 0
      ? ` ${discarded === 1 ? "1 item was" : `${discarded} items were`} sent after the consumer had stopped receiving, and ${discarded === 1 ? "was" : "were"} lost.`
      : "";
  const empty =
    value.length === 0 && sent === 0
      ? " Nothing arrived at all: if you read shared memory, nothing guarantees the workers had written it yet — they start only when your code first awaits."
      : "";
  return t.fail(
    "wrong_result",
    `gather(${producers}, ${perProducer}) should deliver each of the ${expected.length} numbers exactly once, but got ${value.length}: ${parts.join("; ")}.${late}${empty}`,
    {
      expected: `${expected.length} distinct numbers 0…${expected.length - 1}`,
      actual: `${value.length} numbers`,
    },
  );
}

/** A channel keeps each sender's messages in the order they were sent. */
function inOrderPerProducer(t: TestContext, value: number[], perProducer: number): TestVerdict | null {
  const last = new Map<number, number>();
  for (const v of value) {
    const producer = Math.floor(v / perProducer);
    const before = last.get(producer);
    if (before !== undefined && v < before) {
      return t.fail(
        "wrong_result",
        `producer ${producer} sent ${before} before ${v}, but the consumer returned ${v} after ${before}`,
        {
          expected: "each producer's numbers in increasing order",
          actual: `${before} before ${v}`,
        },
      );
    }
    last.set(producer, v);
  }
  return null;
}

/**
 * The items must have been passed as messages, as the host counted them: sent by producer
 * workers (at least `producers` of them) and received by a worker, the consumer — not
 * produced or collected by gather() itself.
 */
function passedAsMessages(
  t: TestContext,
  stats: CallStats,
  value: number[],
  producers: number,
  perProducer: number,
): TestVerdict | null {
  const total = producers * perProducer;
  const m = messagesOf(stats);
  const byWorkers = (counts: Map<"main" | number, number>) => [...counts].filter(([h]) => h !== "main");
  const senders = byWorkers(m.sentBy);
  const sentByWorkers = senders.reduce((sum, [, n]) => sum + n, 0);
  const receivedByWorkers = byWorkers(m.receivedBy).reduce((sum, [, n]) => sum + n, 0);
  const receivedByMain = m.receivedBy.get("main") ?? 0;
  const observed = `${m.sent} message(s) sent (${sentByWorkers} by workers), ${receivedByWorkers} received by workers, ${receivedByMain} by gather itself`;
  if (sentByWorkers < total || senders.length < producers) {
    const who =
      m.sent === 0
        ? "no message went through a channel at all"
        : `only ${plural(sentByWorkers, "message")} came from ${plural(senders.length, "worker")}`;
    return t.fail(
      "wrong_result",
      `gather(${producers}, ${perProducer}) returned ${total} numbers, but ${who}, while ${producers === 1 ? "the producer worker" : `each of the ${producers} producer workers`} was to send its ${perProducer} numbers through a channel.`,
      { expected: `${total} messages sent by ${producers} producer workers`, actual: observed },
    );
  }
  if (receivedByWorkers < total) {
    const main = receivedByMain > 0 ? `gather itself received ${receivedByMain} of them: ` : "";
    return t.fail(
      "wrong_result",
      `the ${total} numbers were sent, but only ${receivedByWorkers} ${receivedByWorkers === 1 ? "was" : "were"} received by a worker; ${main}the consumer must be a worker of its own, which receives every item and returns them.`,
      { expected: `${total} messages received by the consumer worker`, actual: observed },
    );
  }
  // The numbers returned must be the ones the producers sent, as the host saw them go by: a
  // producer that sends placeholders while gather() makes up the list itself passes nothing on.
  const unsent = new Map<number, number>();
  for (const c of stats.channels) for (const [n, count] of c.workerNumbers) unsent.set(n, (unsent.get(n) ?? 0) + count);
  const made: number[] = [];
  for (const n of value) {
    const left = unsent.get(n) ?? 0;
    if (left > 0) unsent.set(n, left - 1);
    else made.push(n);
  }
  if (made.length > 0) {
    return t.fail(
      "wrong_result",
      `gather(${producers}, ${perProducer}) returned ${total} numbers, but ${made.length === total ? "none of them was" : `${made.length} of them ${made.length === 1 ? "was" : "were"} never`} sent by a producer worker (for example ${made.slice(0, 3).join(", ")}): the producers sent other values, and the list was made elsewhere.`,
      { expected: `the ${total} numbers sent by the producer workers`, actual: observed },
    );
  }
  return null;
}

/** "0…149", or the numbers themselves when they are few or not a run. */
function span(numbers: readonly number[]): string {
  if (numbers.length === 0) return "nothing";
  const run = numbers.every((n, i) => i === 0 || n === (numbers[i - 1] ?? 0) + 1);
  if (run && numbers.length > 2) return `${numbers[0]}…${numbers[numbers.length - 1]}`;
  return numbers.length > 4 ? `${numbers.slice(0, 4).join(", ")}, …` : numbers.join(", ");
}

/**
 * Producer k sends its own share, k * perProducer … (k + 1) * perProducer - 1, as the host saw
 * each worker send it: one producer that sends everything while the others send filler is not
 * the division of work the exercise asks for. Values outside 0…total-1 (a sentinel, say) are
 * left out; what the consumer does with them is checked by the result.
 */
function eachProducerItsShare(
  t: TestContext,
  stats: CallStats,
  producers: number,
  perProducer: number,
): TestVerdict | null {
  const total = producers * perProducer;
  const sentBy = [...stats.numberLog.sent]
    .filter(([holder]) => holder !== "main")
    .map(([holder, numbers]) => ({
      holder,
      numbers: numbers.filter((n) => Number.isInteger(n) && n >= 0 && n < total),
    }))
    .filter((w) => w.numbers.length > 0);
  const claimed = new Set<number | "main">();
  for (let k = 0; k < producers; k++) {
    const first = k * perProducer;
    const own = sentBy.find(
      (w) => !claimed.has(w.holder) && w.numbers.length === perProducer && w.numbers.every((n, i) => n === first + i),
    );
    if (own) {
      claimed.add(own.holder);
      continue;
    }
    const who = sentBy
      .slice(0, 4)
      .map((w) => `worker ${w.holder} sent ${plural(w.numbers.length, "number")} (${span(w.numbers)})`)
      .join(", ");
    return t.fail(
      "wrong_result",
      `producer ${k} should send its own ${perProducer} numbers ${first}…${first + perProducer - 1}, in that order, but no producer worker sent exactly those: ${who || "no worker sent any of the numbers"}. Each of the ${plural(producers, "producer")} sends its own share.`,
      {
        expected: `${producers} producer workers, producer k sending k * ${perProducer} … (k + 1) * ${perProducer} - 1`,
        actual: who || "no numbers sent by workers",
      },
    );
  }
  return null;
}

/**
 * gather returns what the consumer worker received, in the order it received it (as the host
 * recorded every receive): not a list gather made itself, nor the arrivals rearranged.
 */
function asReceived(t: TestContext, stats: CallStats, value: number[], total: number): TestVerdict | null {
  const consumers = [...stats.numberLog.received]
    .filter(([holder]) => holder !== "main")
    .map(([holder, numbers]) => ({
      holder,
      numbers: numbers.filter((n) => Number.isInteger(n) && n >= 0 && n < total),
    }))
    .filter((w) => w.numbers.length > 0);
  if (consumers.some((w) => w.numbers.length === value.length && w.numbers.every((n, i) => n === value[i])))
    return null;
  const consumer = consumers.sort((a, b) => b.numbers.length - a.numbers.length)[0];
  if (!consumer) return null; // passedAsMessages has said that no worker received them
  const at = consumer.numbers.findIndex((n, i) => n !== value[i]);
  const sorted = value.every((n, i) => i === 0 || n > (value[i - 1] ?? 0));
  return t.fail(
    "wrong_result",
    `the list gather returned is not what the consumer received: worker ${consumer.holder} received ${consumer.numbers.length} numbers, ` +
      `and at position ${at} it received ${consumer.numbers[at]} where gather returned ${value[at] ?? "nothing"}` +
      `${sorted ? " (gather's list is sorted; the numbers did not arrive sorted)" : ""}. ` +
      "The consumer returns the numbers in the order they arrived, and gather returns that array.",
    {
      expected: `the ${consumer.numbers.length} numbers in the order worker ${consumer.holder} received them: ${span(consumer.numbers)}`,
      actual: `${span(value)}`,
    },
  );
}

async function gather(t: TestContext, producers: number, perProducer: number): Promise<TestVerdict> {
  const { value, stats } = await t.call("gather", [producers, perProducer]);
  const discarded = stats.channels.reduce((sum, c) => sum + c.discarded, 0);
  const sent = stats.channels.reduce((sum, c) => sum + c.sent, 0);
  const wrong =
    exactlyOnce(t, value, producers, perProducer, { sent, discarded }) ??
    inOrderPerProducer(t, value as number[], perProducer) ??
    passedAsMessages(t, stats, value as number[], producers, perProducer) ??
    eachProducerItsShare(t, stats, producers, perProducer) ??
    asReceived(t, stats, value as number[], producers * perProducer);
  if (wrong) return wrong;
  return t.pass(
    `${producers * perProducer} numbers arrived exactly once (${sent} messages through ${stats.channels.length} channel(s), ${stats.threadsUsed - 1} workers)`,
  );
}

export default defineTests({
  exports: { gather: "function" },
  tests: [
    // At most 7 producers: with the consumer that is the exercise's 8 workers.
    {
      name: "a few producers, hundreds of numbers each: every number arrives exactly once",
      run: (t) => gather(t, t.rng.int(2, 4), t.rng.int(150, 450)),
    },
    { name: "one producer: all of its numbers, in the order sent", run: (t) => gather(t, 1, t.rng.int(300, 700)) },
    { name: "many producers, fewer numbers each", run: (t) => gather(t, t.rng.int(5, 7), t.rng.int(50, 150)) },
  ],
});

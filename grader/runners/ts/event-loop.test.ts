import { describe, expect, it } from "vitest";
import { callFixture, valueOf, verdictOf } from "./call-fixture.ts";

const serve = (url: string) => ({ latencyMs: 100, value: `data:${url}` });
const URLS = '["/a", "/b", "/c"]';

describe("virtual clock", () => {
  it("runs three overlapping fetches in exactly their latency of virtual time, without waiting for real", async () => {
    // 20 s of latency against a 1.5 s wall limit: a real wait would end in a timeout.
    const slow = (url: string) => ({ latencyMs: 20_000, value: `data:${url}` });
    const outcome = await callFixture(
      `import { fetchData } from "interleave";
      export async function main() { return Promise.all(${URLS}.map((u) => fetchData(u))); }`,
      { runtime: { serve: slow } },
    );
    expect(valueOf(outcome)).toEqual(["data:/a", "data:/b", "data:/c"]);
    expect(outcome.stats.virtualMs).toBe(20_000);
    const waits = outcome.stats.trace.filter((s) => s.kind === "wait");
    expect(waits.map((w) => [w.task, w.start, w.end])).toEqual([
      ["main › fetchData /a", 0, 20_000],
      ["main › fetchData /b", 0, 20_000],
      ["main › fetchData /c", 0, 20_000],
    ]);
  });

  it("adds up waits that run one after another", async () => {
    const outcome = await callFixture(
      `import { fetchData, sleep } from "interleave";
      export async function main() { const r = []; for (const u of ${URLS}) r.push(await fetchData(u)); await sleep(50); return r.length; }`,
      { runtime: { serve } },
    );
    expect(valueOf(outcome)).toBe(3);
    expect(outcome.stats.virtualMs).toBe(350);
  });

  it("counts waits still pending when the function returned (fired, never awaited)", async () => {
    const outcome = await callFixture(
      `import { fetchData } from "interleave";
      export async function main() { const r = []; ${URLS}.forEach(async (u) => r.push(await fetchData(u))); return r; }`,
      { runtime: { serve } },
    );
    expect(valueOf(outcome)).toEqual([]);
    expect(outcome.stats.pendingAtEnd).toBe(3);
  });

  it("names tasks and io waits in the trace, and returns io values", async () => {
    const outcome = await callFixture(`import { io, task } from "interleave";
      export async function main() {
        const [a, b] = await Promise.all([task("users", () => io("db", 30, { n: 1 })), task("orders", () => io("db", 20, [2]))]);
        return [a, b];
      }`);
    expect(valueOf(outcome)).toEqual([{ n: 1 }, [2]]);
    expect(outcome.stats.virtualMs).toBe(30);
    expect(outcome.stats.trace.filter((s) => s.kind === "wait").map((s) => s.task)).toEqual([
      "orders › io db (20 ms)",
      "users › io db (30 ms)",
    ]);
  });

  it("lets a worker's blocking sleep and fetch advance the clock while nothing else runs", async () => {
    const outcome = await callFixture(
      `import { spawn } from "interleave";
      export async function main() { return spawn(async () => { await sleep(20_000); return fetchData("/x"); }, null).join(); }`,
      { runtime: { serve } },
    );
    // Reaching the value at all shows no real waiting: the wall limit is 1.5 s.
    expect(valueOf(outcome)).toBe("data:/x");
    expect(outcome.stats.virtualMs).toBeGreaterThanOrEqual(20_100);
  });

  it("waits in real time on the real clock", async () => {
    const outcome = await callFixture(
      `import { sleep } from "interleave"; export async function main() { await sleep(60); return 1; }`,
      { runtime: { clock: "real" } },
    );
    expect(valueOf(outcome)).toBe(1);
    expect(outcome.stats.wallMs).toBeGreaterThanOrEqual(59);
  });

  it("rejects bad arguments inside the student's call, phrased for the student", async () => {
    const outcome = await callFixture(`import { sleep, fetchData } from "interleave";
      export async function main() {
        const errors = [];
        for (const f of [() => sleep(-1), () => sleep("5"), () => fetchData(42)]) { try { await f(); } catch (e) { errors.push(e.message); } }
        return errors;
      }`);
    const errors = valueOf(outcome);
    expect(errors).toEqual([
      expect.stringMatching(/^sleep\(ms\): the time must be a number/),
      expect.stringMatching(/got "5"$/),
      expect.stringMatching(/^fetchData\(url\): url must be a string/),
    ]);
  });
});

describe("stall detection", () => {
  // A fixed amount of work, not a fixed time: ~300 ms of CPU here (with --max-opt=1) however
  // busy the machine is, where a 300 ms spin on Date.now() gets less CPU the busier it is.
  const WORK = "let x = 0; for (let i = 0; i < 3e7; i++) x = (x + i) | 0;";
  const blocking = `import { sleep, task } from "interleave";
    export async function main() {
      return task("request", async () => { await sleep(5); ${WORK} return "done" + (x & 0); });
    }`;

  it("fails a 300 ms slice against a 50 ms threshold, naming the task and the starved heartbeat", async () => {
    const v = verdictOf(await callFixture(blocking, { runtime: { maxStallMs: 50, heartbeatMs: 10 } }));
    expect(v).toMatchObject({ status: "fail", reason: "blocked_runtime" });
    // The stall is the slice's CPU time: the same on a quiet and on a crowded machine.
    const ms = Number(/^blocked the event loop for (\d+) ms in task request \(at most 50 ms/.exec(v.message)?.[1]);
    expect(ms).toBeGreaterThan(80);
    expect(v.message).toMatch(/heartbeat, due every 10 ms, went \d{2,} ms without a beat/);
  });

  it("measures the stall on the host, so faking Date inside the isolate changes nothing", async () => {
    const tampered = `import { sleep } from "interleave";
      const realNow = Date.now;
      Date.now = () => 0;
      globalThis.performance = { now: () => 0 };
      export async function main() { await sleep(5); ${WORK} return realNow() > 0 ? "done" : x; }`;
    const outcome = await callFixture(tampered, { runtime: { maxStallMs: 50 } });
    expect(verdictOf(outcome).reason).toBe("blocked_runtime");
    expect(outcome.stats.longestStallMs).toBeGreaterThan(50);
  });

  it("passes the same work split into chunks with yieldNow, and puts the stall on the virtual timeline", async () => {
    const chunked = await callFixture(
      `import { yieldNow } from "interleave";
      export async function main() { for (let i = 0; i < 40; i++) { const end = Date.now() + 2; while (Date.now() < end) {} await yieldNow(); } return 1; }`,
      { runtime: { maxStallMs: 50, heartbeatMs: 10 } },
    );
    expect(valueOf(chunked)).toBe(1);
    expect(chunked.stats.longestStallMs).toBeLessThan(50);
    // Chunks advance the virtual clock by their busy time, so the heartbeat keeps beating between them.
    expect(chunked.stats.heartbeat?.beats).toBeGreaterThanOrEqual(1);
    expect(chunked.stats.heartbeat?.longestGapMs).toBeLessThan(50);
    const blocked = await callFixture(blocking, { runtime: { maxStallMs: 50 } });
    const span = blocked.stats.trace.find((s) => s.kind === "blocked");
    expect(span).toMatchObject({ task: "request", thread: "main", start: 5 });
    expect((span?.end ?? 0) - (span?.start ?? 0)).toBeGreaterThan(80);
  });

  it("does not count awaiting a resolved promise as a yield", async () => {
    const v = verdictOf(
      await callFixture(
        `export async function main() { for (let i = 0; i < 100; i++) { const end = Date.now() + 2; while (Date.now() < end) {} await Promise.resolve(); } }`,
        { runtime: { maxStallMs: 50 } },
      ),
    );
    expect(v.reason).toBe("blocked_runtime");
  });
});

describe("deadlocks", () => {
  it("reports a promise that nothing will ever resolve at once, instead of timing out", async () => {
    // deadlock, not timeout: it was called before the wall limit.
    const v = verdictOf(await callFixture("export async function main() { await new Promise(() => {}); }"));
    expect(v).toMatchObject({ status: "fail", reason: "deadlock" });
    expect(v.message).toMatch(/a promise that nothing will ever resolve/);
  });

  it("explains a receive loop that never ends because main kept its own Sender open", async () => {
    const v = verdictOf(
      await callFixture(`import { channel, spawn } from "interleave";
        export async function main() {
          const [tx, rx] = channel();
          const hs = [0, 1].map((k) => spawn(({ tx, k }) => { for (let i = 0; i < 3; i++) tx.send(k * 10 + i); }, { tx, k }));
          const got = []; for await (const x of rx) got.push(x);
          for (const h of hs) await h.join();
          return got;
        }`),
    );
    expect(v.reason).toBe("deadlock");
    expect(v.message).toMatch(
      /task main waits for rx\.recv\(\) on channel 1 \(6 sent, 6 received, open Senders held by the main function\)\. The main function still holds an open Sender, and a channel ends only when every Sender is closed\.$/,
    );
  });
});

describe("channels", () => {
  it("carries every item from producer workers to main exactly once, and ends when all senders close", async () => {
    const outcome = await callFixture(`import { channel, spawn } from "interleave";
      export async function main() {
        const [tx, rx] = channel();
        const hs = [0, 1, 2].map((k) => spawn(({ tx, k }) => { for (let i = 0; i < 200; i++) tx.send(k * 1000 + i); }, { tx, k }));
        tx.close();
        const got = []; for await (const x of rx) got.push(x);
        for (const h of hs) await h.join();
        return got.sort((a, b) => a - b);
      }`);
    const got = valueOf(outcome) as number[];
    expect(got).toHaveLength(600);
    expect(new Set(got).size).toBe(600);
    expect(outcome.stats.channels).toEqual([
      {
        id: 1,
        sent: 600,
        received: 600,
        queued: 0,
        discarded: 0,
        sentBy: [1, 2, 3].map((holder) => ({ holder, count: 200 })),
        receivedBy: [{ holder: "main", count: 600 }],
        // What the workers sent, number by number: k * 1000 + i once each.
        workerNumbers: new Map(
          [0, 1, 2].flatMap((k) => Array.from({ length: 200 }, (_, i): [number, number] => [k * 1000 + i, 1])),
        ),
      },
    ]);
  });

  it("records the numbers each holder sent and received, in order, across channels", async () => {
    const outcome = await callFixture(`import { channel, spawn } from "interleave";
      export async function main() {
        const [a, ra] = channel();
        const [b, rb] = channel();
        const consumer = spawn(async ({ ra, rb }) => {
          const got = [];
          for await (const x of rb) got.push(x);
          for await (const x of ra) got.push(x);
          return got;
        }, { ra, rb });
        const p = spawn(({ a, b }) => { a.send(1); a.send("no"); b.send(7); b.send(8); a.send(2); }, { a, b });
        a.send(3);
        a.close();
        b.close();
        await p.join();
        return consumer.join();
      }`);
    expect(valueOf(outcome)).toEqual([7, 8, 3, 1, "no", 2]);
    const log = outcome.stats.numberLog;
    expect(log.sent).toEqual(
      new Map<"main" | number, number[]>([
        ["main", [3]],
        [2, [1, 7, 8, 2]],
      ]),
    );
    // Strings are not recorded; the receive order is the consumer's (worker 1), across both channels.
    expect(log.received).toEqual(new Map([[1, [7, 8, 3, 1, 2]]]));
  });

  it("moves a Receiver into a worker, which blocks on recv until main sends", async () => {
    const outcome = await callFixture(`import { channel, spawn } from "interleave";
      export async function main() {
        const [tx, rx] = channel();
        const consumer = spawn(async ({ rx }) => { let sum = 0; for await (const x of rx) sum += x.n; return sum; }, { rx });
        let moved = "";
        try { await rx.recv(); } catch (e) { moved = e.message; }
        for (let i = 1; i <= 100; i++) tx.send({ n: i });
        tx.close();
        return [await consumer.join(), moved];
      }`);
    expect(valueOf(outcome)).toEqual([5050, expect.stringMatching(/Receiver of channel 1 belongs to worker 1/)]);
    // The refused recv() left no wait behind (it would count as pending, or confuse the clock).
    expect(outcome.stats.pendingAtEnd).toBe(0);
  });

  it("shares SharedArrayBuffers sent through a channel, and refuses undefined", async () => {
    const outcome = await callFixture(`import { channel, spawn } from "interleave";
      export async function main() {
        const [tx, rx] = channel();
        const shared = new Int32Array(new SharedArrayBuffer(4));
        const w = spawn(async ({ rx }) => { const view = await rx.recv(); view[0] = 42; }, { rx });
        tx.send(shared);
        let refused = false;
        try { tx.send(undefined); } catch { refused = true; }
        await w.join();
        return [shared[0], refused];
      }`);
    expect(valueOf(outcome)).toEqual([42, true]);
  });
});

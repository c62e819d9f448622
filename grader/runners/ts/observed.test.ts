import { describe, expect, it } from "vitest";
import { callFixture } from "./call-fixture.ts";
import { fetchesOf, messagesOf, unfetched, workersHolding } from "./observed.ts";
import type { CallStats } from "./run-call.ts";
import type { WaitRecord } from "./runtime.ts";
import { describeView, findSharedViews, holdsRun, prepareSnapshots, readSnapshot } from "./shared-memory.ts";

function statsOf(outcome: Awaited<ReturnType<typeof callFixture>>): CallStats {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.verdict.reason}: ${outcome.verdict.message}`);
  return outcome.stats;
}

const fetchWait = (url: string, start: number, end: number | undefined, thread = "main"): WaitRecord => ({
  kind: "fetch",
  task: "t",
  label: `fetchData ${url}`,
  url,
  thread,
  start,
  ...(end === undefined ? {} : { end }),
  daemon: false,
});

describe("fetchesOf: fetch calls as the host saw them", () => {
  it("counts calls per url and per thread, and the most in flight at once", () => {
    const waits = [
      fetchWait("/a", 0, 100),
      fetchWait("/b", 0, 40),
      fetchWait("/a", 50, 90, "worker 1"),
      fetchWait("/c", 100, 130),
    ];
    const summary = fetchesOf({ waits, virtualMs: 130 });
    expect(summary.calls).toBe(4);
    expect(Object.fromEntries(summary.perUrl)).toEqual({ "/a": 2, "/b": 1, "/c": 1 });
    expect(Object.fromEntries(summary.perThread)).toEqual({ main: 3, "worker 1": 1 });
    // /c starts exactly when the first /a ends: that is not overlap.
    expect(summary.maxInFlight).toBe(2);
    expect(unfetched(summary, ["/a", "/d"])).toEqual(["/d"]);
  });

  it("counts a fetch never resumed as open until the call's end, and ignores other waits", () => {
    const sleep: WaitRecord = {
      kind: "sleep",
      task: "t",
      label: "sleep 5 ms",
      thread: "main",
      start: 0,
      end: 5,
      daemon: false,
    };
    const summary = fetchesOf({
      waits: [sleep, fetchWait("/a", 0, undefined), fetchWait("/b", 10, 20)],
      virtualMs: 30,
    });
    expect(summary.calls).toBe(2);
    expect(summary.maxInFlight).toBe(2);
  });

  it("records the url of every fetchData call, from main and from workers", async () => {
    const stats = statsOf(
      await callFixture(
        `import { fetchData, spawn } from "interleave";
        export async function main() {
          const w = spawn(async (url) => fetchData(url), "/from-worker");
          const here = await Promise.all([fetchData("/x"), fetchData("/y")]);
          return [...here, await w.join()];
        }`,
        { runtime: { serve: (url) => ({ latencyMs: 10, value: url }) } },
      ),
    );
    const summary = fetchesOf(stats);
    expect(Object.fromEntries(summary.perUrl)).toEqual({ "/x": 1, "/y": 1, "/from-worker": 1 });
    expect(Object.fromEntries(summary.perThread)).toEqual({ main: 2, "worker 1": 1 });
  });
});

describe("messagesOf: messages per holder", () => {
  it("counts what each worker and main sent and received", async () => {
    const stats = statsOf(
      await callFixture(`import { channel, spawn } from "interleave";
        export async function main() {
          const [tx, rx] = channel();
          const producers = [3, 5].map((n) => spawn(({ tx, n }) => { for (let i = 0; i < n; i++) tx.send(i); }, { tx, n }));
          tx.close();
          const consumer = spawn(async ({ rx }) => { let got = 0; for await (const _ of rx) got++; return got; }, { rx });
          const [tx2, rx2] = channel();
          tx2.send("from main");
          const mine = await rx2.recv();
          for (const p of producers) await p.join();
          return [await consumer.join(), mine];
        }`),
    );
    const m = messagesOf(stats);
    expect(m.sent).toBe(9);
    expect(m.received).toBe(9);
    expect(Object.fromEntries(m.sentBy)).toEqual({ 1: 3, 2: 5, main: 1 });
    expect(Object.fromEntries(m.receivedBy)).toEqual({ 3: 8, main: 1 });
  });
});

describe("shared memory: what workers left where the host can read it", () => {
  it("finds the SharedArrayBuffers near the top of spawn data and reads each whole, as 32-bit and 64-bit cells", () => {
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const plain = new Int32Array(4);
    // Six levels down is still found (config objects nest); the seventh is not searched.
    const nested = new Int32Array(new SharedArrayBuffer(4));
    const deep = { a: { b: { c: { d: { e: nested } } } } };
    const tooDeep = { a: { b: { c: { d: { e: { f: new Int32Array(new SharedArrayBuffer(4)) } } } } } };
    const found = findSharedViews({ shared, plain, list: [shared], deep, tooDeep });
    expect(found.map((v) => [v.constructor.name, v.buffer === shared.buffer, v.length])).toEqual([
      ["Int32Array", true, 2],
      ["Float64Array", true, 1],
      ["Int32Array", false, 1],
    ]);
    shared[0] = 7;
    shared[1] = 5;
    expect(describeView(found[0]!)).toMatchObject({ type: "Int32Array", length: 2, head: [7, 5], sum: 12 });
    const bare = new SharedArrayBuffer(12);
    expect(findSharedViews({ bare })[0]).toEqual(new Int32Array(bare));
  });

  it("looks into Maps and Sets, counts a buffer's many subarrays once, and keeps views the cells do not cover", () => {
    const stats = new Int32Array(new SharedArrayBuffer(4 * 32));
    const tallies = Array.from({ length: 8 }, (_, g) => stats.subarray(4 * g, 4 * g + 4));
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const bytes = new Uint8Array(new SharedArrayBuffer(3));
    const found = findSharedViews(
      new Map<string, unknown>([
        ["tallies", tallies],
        ["more", new Set([counter, bytes])],
      ]),
    );
    expect(found.map((v) => [v.constructor.name, v.length])).toEqual([
      ["Int32Array", 32],
      ["Float64Array", 16],
      ["Int32Array", 1],
      ["Uint8Array", 3],
    ]);
  });

  it("reads the counter workers incremented, after the call", async () => {
    const stats = statsOf(
      await callFixture(`import { spawn } from "interleave";
        export async function main() {
          const counter = new Int32Array(new SharedArrayBuffer(4));
          const untouched = new Int32Array(new SharedArrayBuffer(8));
          const hs = [0, 1].map(() => spawn(({ counter }) => { for (let i = 0; i < 1000; i++) Atomics.add(counter, 0, 1); }, { counter, untouched }));
          for (const h of hs) await h.join();
          return Atomics.load(counter, 0);
        }`),
    );
    // Each worker's memory as it left it: the one that ended last holds the whole count (the
    // other may have ended before its partner's last increments).
    expect(stats.workerMemory).toHaveLength(2);
    const ints = (m: (typeof stats.workerMemory)[number]) =>
      m.views.filter((v) => v.type === "Int32Array").map((v) => v.head);
    expect(stats.workerMemory.map(ints)).toContainEqual([[2000], [0, 0]]);
    expect(workersHolding(stats, (v) => v.head[0] === 2000).length).toBeGreaterThanOrEqual(1);
    expect(workersHolding(stats, (v) => v.head[0] === 1)).toEqual([]);
  });

  it("copies a worker's memory on its own thread the moment its function settles, not when the host gets round to it", async () => {
    // The late write runs a few microtasks after the function returned, still in the worker's
    // isolate but before the host hears of its end: a copy the host took would hold it.
    const stats = statsOf(
      await callFixture(`import { spawn } from "interleave";
        export async function main() {
          const c = new Int32Array(new SharedArrayBuffer(8));
          const h = spawn(({ c }) => {
            Promise.resolve().then(() => Promise.resolve()).then(() => { c[0] = 9; });
            c[0] = 1;
          }, { c });
          await h.join();
          return c[0];
        }`),
    );
    expect(stats.workerMemory[0]?.views[0]?.head).toEqual([1, 0]);
    expect(Array.from(stats.workerMemory[0]?.live[0] ?? [])).toEqual([9, 0]);
    expect(Array.from(stats.workerMemory[0]?.atStart[0] ?? [])).toEqual([0, 0]);
  });

  it("lays the start and end copies out per view, typed like the views, within the cell budget", () => {
    const ints = new Int32Array(new SharedArrayBuffer(12));
    const floats = new Float64Array(new SharedArrayBuffer(16), 8, 1);
    const snapshots = prepareSnapshots([ints, floats], new Int32Array(new SharedArrayBuffer(4)));
    expect(readSnapshot([ints, floats], snapshots, 1)).toBeNull();
    // What the worker's runtime does (isolate/worker-runtime.ts): copy the sources, then flag.
    ints.set([1, 2, 3]);
    floats[0] = 0.5;
    const half = snapshots.target.byteLength / 2;
    snapshots.target.set(snapshots.sources[0]!, half);
    snapshots.target.set(snapshots.sources[1]!, half + 12);
    snapshots.flags[1] = 1;
    ints[0] = 7;
    const end = readSnapshot([ints, floats], snapshots, 1);
    expect(end?.map((v) => [v.constructor.name, Array.from(v)])).toEqual([
      ["Int32Array", [1, 2, 3]],
      ["Float64Array", [0.5]],
    ]);
    expect(end?.[0]?.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  });

  it("finds a result anywhere in a bare SharedArrayBuffer the workers made their own views of", async () => {
    const stats = statsOf(
      await callFixture(`import { spawn } from "interleave";
        export async function main() {
          const sab = new SharedArrayBuffer(16);
          const hs = [0, 1].map(() => spawn(({ sab }) => { const v = new Int32Array(sab, 8, 1); for (let i = 0; i < 1000; i++) Atomics.add(v, 0, 1); }, { sab }));
          for (const h of hs) await h.join();
          return new Int32Array(sab, 8, 1)[0];
        }`),
    );
    expect(workersHolding(stats, (v) => holdsRun(v, [2000])).length).toBeGreaterThanOrEqual(1);
    expect(workersHolding(stats, (v) => holdsRun(v, [2000, 1]))).toEqual([]);
  });
});

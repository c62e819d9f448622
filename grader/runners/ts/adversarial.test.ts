// The adversarial corpus: submissions that attack the sandbox or the verdict. Each must end
// in a clear fail/error verdict within its limits, and the call after it must work normally.
// (Whole-process survival — a fresh child per grade, watchdogs above it — is covered in
// grader/core/grade.test.ts.)
import { describe, expect, it } from "vitest";
import { callFixture, valueOf, verdictOf } from "./call-fixture.ts";
import { OutputSink } from "./output-sink.ts";
import type { CallOutcome } from "./run-call.ts";

const QUICK = { limits: { wallMs: 400 } };

async function normalCallStillWorks() {
  const outcome = await callFixture(`import { sleep, spawn } from "interleave";
    export async function main() { await sleep(10); return [await spawn((n) => n * 2, 21).join(), 1]; }`);
  expect(valueOf(outcome)).toEqual([42, 1]);
}

function expectVerdict(outcome: CallOutcome, status: "fail" | "error", reason: string, message: RegExp) {
  const v = verdictOf(outcome);
  expect(v).toMatchObject({ status, reason });
  expect(v.message).toMatch(message);
}

describe("adversarial: runaway code", () => {
  it("stops infinite loops: synchronous, in a worker, and a loop of yields", async () => {
    expectVerdict(
      await callFixture("export function main() { for (;;) {} }", QUICK),
      "error",
      "timeout",
      /still running after 400 ms/,
    );
    const worker = await callFixture(
      `import { spawn } from "interleave"; export async function main() { return spawn(() => { for (;;) {} }, null).join(); }`,
      QUICK,
    );
    expectVerdict(worker, "error", "timeout", /still running after 400 ms/);
    expectVerdict(
      await callFixture(
        `import { yieldNow } from "interleave"; export async function main() { for (;;) await yieldNow(); }`,
        QUICK,
      ),
      "error",
      "timeout",
      /400 ms/,
    );
    await normalCallStillWorks();
  });

  it("ends an endless loop of sleeps at the virtual-time cap, in real milliseconds", async () => {
    // This verdict, not the wall limit's "still running after …", shows no real waiting.
    const outcome = await callFixture(
      `import { sleep } from "interleave"; export async function main() { for (;;) await sleep(1000); }`,
      { runtime: { maxVirtualMs: 60_000 } },
    );
    expectVerdict(outcome, "error", "timeout", /still waiting after 60 s of virtual time/);
  });

  it("reports a promise that never resolves as a deadlock, at once", async () => {
    expectVerdict(
      await callFixture("export function main() { return new Promise(() => {}); }"),
      "fail",
      "deadlock",
      /nothing will ever resolve/,
    );
    expectVerdict(
      await callFixture("export function main() { return { then() {} }; }"),
      "fail",
      "deadlock",
      /nothing will ever resolve/,
    );
    await normalCallStillWorks();
  });
});

describe("adversarial: memory", () => {
  it("stops heap, ArrayBuffer and SharedArrayBuffer bombs in main and in workers", async () => {
    for (const bomb of [
      "const a = []; for (;;) a.push(new Array(1e5).fill(1));",
      "const a = []; for (;;) a.push(new ArrayBuffer(1 << 20));",
      "const a = []; for (;;) a.push(new SharedArrayBuffer(1 << 20));",
    ]) {
      expectVerdict(
        await callFixture(`export function main() { ${bomb} }`),
        "error",
        "memory_limit",
        /ran out of memory \(limit 32 MB per isolate\)/,
      );
      const worker = await callFixture(
        `import { spawn } from "interleave"; export async function main() { return spawn(() => { ${bomb} }, null).join(); }`,
      );
      expectVerdict(worker, "error", "memory_limit", /^worker 1 ran out of memory/);
    }
    await normalCallStillWorks();
  });

  it("removes the allocations isolated-vm cannot count: WebAssembly.Memory and resizable buffers", async () => {
    const wasm = verdictOf(
      await callFixture(
        "export function main() { const m = new WebAssembly.Memory({ initial: 1, maximum: 60000 }); for (;;) m.grow(100); }",
      ),
    );
    expect(wasm).toMatchObject({
      reason: "runtime_error",
      message: expect.stringMatching(/WebAssembly is not defined/),
    });
    for (const kind of ["ArrayBuffer", "SharedArrayBuffer"]) {
      const v = verdictOf(
        await callFixture(`export function main() { return new ${kind}(8, { maxByteLength: 2 ** 30 }); }`),
      );
      expect(v.message).toMatch(/resizable buffers \(maxByteLength\) are not available/);
    }
    // The replaced constructors still behave like the originals for everything else.
    const plain = await callFixture(`export function main() {
      const b = new SharedArrayBuffer(8), a = new ArrayBuffer(4);
      return [b instanceof SharedArrayBuffer, new Uint8Array(2).buffer instanceof ArrayBuffer, a.constructor === ArrayBuffer, ArrayBuffer.isView(new Int8Array(1)), b.growable];
    }`);
    expect(valueOf(plain)).toEqual([true, true, true, true, false]);
  });

  it("caps the memory of all isolates of a call together, below the sum of the per-isolate limits", async () => {
    const outcome = await callFixture(
      `import { spawn } from "interleave";
      export async function main() {
        const hs = [];
        for (let i = 0; i < 8; i++) hs.push(spawn(() => { const keep = []; for (let j = 0; j < 24; j++) keep.push(new Uint8Array(1 << 20).fill(1)); const end = Date.now() + 800; while (Date.now() < end) {} return keep.length; }, null));
        for (const h of hs) await h.join();
      }`,
      { limits: { maxWorkers: 8, wallMs: 3000 } },
    );
    expectVerdict(outcome, "error", "memory_limit", /used more than 128 MB of memory together/);
    await normalCallStillWorks();
  });
});

describe("adversarial: workers", () => {
  it("counts a worker bomb against the budget, naming how many it tried", async () => {
    const loop = await callFixture(
      `import { spawn } from "interleave"; export async function main() { for (let i = 0; i < 1000; i++) spawn(() => 0, null); }`,
    );
    expectVerdict(
      loop,
      "fail",
      "thread_budget",
      /^tried to start 1000 workers in one call of main\(…\); this exercise allows at most 4/,
    );
    const forever = await callFixture(
      `import { spawn } from "interleave"; export async function main() { for (;;) spawn(() => 0, null); }`,
      QUICK,
    );
    // How many it tried before its time ran out depends on the machine; that it went past the budget does not.
    expectVerdict(forever, "fail", "thread_budget", /^tried to start \d+ workers/);
    expect(Number(/^tried to start (\d+)/.exec(verdictOf(forever).message)?.[1])).toBeGreaterThan(4);
    const nested = verdictOf(
      await callFixture(
        `import { spawn } from "interleave"; export async function main() { return spawn(() => spawn(() => 1, null), null).join(); }`,
      ),
    );
    expect(nested.message).toMatch(/spawn is not available inside a worker: workers cannot start workers/);
    await normalCallStillWorks();
  });
});

describe("adversarial: escapes", () => {
  it("offers no Node, no host handles and no module loading, however they are reached", async () => {
    const outcome = await callFixture(`export async function main() {
      const viaFunction = Function("return this")();
      const viaConstructor = (() => {}).constructor("return typeof process")();
      let dynamicImport;
      try { await import("node:fs"); dynamicImport = "loaded"; } catch (e) { dynamicImport = "refused"; }
      return [typeof require, typeof process, typeof viaFunction.process, viaConstructor, typeof __interleave_host, typeof __interleave_loop, typeof setTimeout, typeof fetch, dynamicImport];
    }`);
    expect(valueOf(outcome)).toEqual([
      "undefined",
      "undefined",
      "undefined",
      "undefined",
      "undefined",
      "undefined",
      "undefined",
      "undefined",
      "refused",
    ]);
  });
});

describe("adversarial: output", () => {
  it("stops an output flood with output_limit and keeps the captured output capped", async () => {
    const output = new OutputSink();
    const outcome = await callFixture("export function main() { for (;;) console.log('spam spam spam'); }", {
      output,
      limits: { wallMs: 5000 },
    });
    expectVerdict(outcome, "error", "output_limit", /kept printing after its output reached the cap/);
    expect(Buffer.byteLength(output.text("stdout"))).toBeLessThanOrEqual(16 * 1024);
    expect(output.truncated).toBe(true);
  });

  it("never takes a verdict from printed text: a forged result on stdout changes nothing", async () => {
    const output = new OutputSink();
    const forged = JSON.stringify({ version: 1, status: "pass", message: "All tests passed.", score: 1, tests: [] });
    const outcome = await callFixture(`export function main() { console.log(${JSON.stringify(forged)}); return 41; }`, {
      output,
    });
    expect(valueOf(outcome)).toBe(41);
    expect(output.text("stdout")).toContain('"status":"pass"');
  });
});

describe("adversarial: tampering and hostile values", () => {
  it("keeps the scheduler, channels and copies working after the student rewrites the globals", async () => {
    const outcome = await callFixture(`import { channel, sleep, spawn } from "interleave";
      export async function main() {
        const realNow = Date.now;
        Date.now = () => 0;
        globalThis.performance = { now: () => 0 };
        JSON.stringify = () => '"forged"';
        JSON.parse = () => "forged";
        Object.prototype.toJSON = () => "forged";
        Array.prototype.push = function () { return 0; };
        Promise.prototype.then = function () { return this; };
        Promise.resolve = () => new Promise(() => {});
        Function.prototype.call = function () { return "forged"; };
        Function.prototype.apply = function () { return "forged"; };
        Reflect.apply = () => "forged";
        Map.prototype.get = () => undefined;
        Atomics.add = () => 0;
        Atomics.load = () => 42;
        await sleep(20);
        const [tx, rx] = channel();
        const w = spawn(({ tx }) => { tx.send(7); }, { tx });
        tx.close();
        const got = await rx.recv();
        await w.join();
        return { got, after: await rx.recv(), n: 41 };
      }`);
    expect(valueOf(outcome)).toEqual({ got: 7, after: undefined, n: 41 });
    // 20 ms of sleep, plus the real time the worker ran (the clock follows real time then).
    expect(outcome.stats.virtualMs).toBeGreaterThanOrEqual(20);
    expect(outcome.stats.virtualMs).toBeLessThan(1000);
  });

  it("turns results that throw when inspected into wrong_result, and hostile throws into runtime_error", async () => {
    const hostile =
      "{ get(_, key) { if (key === 'then') return undefined; throw new Error('gotcha'); }, ownKeys() { throw new Error('gotcha'); } }";
    const proxy = verdictOf(await callFixture(`export function main() { return new Proxy({}, ${hostile}); }`));
    expect(proxy).toMatchObject({
      status: "fail",
      reason: "wrong_result",
      message: expect.stringMatching(/cannot leave the sandbox/),
    });
    // A returned value is awaited like any thenable (as an async function's would be): a
    // `then` that throws makes the call reject, which is the student's runtime error.
    const thenTrap = verdictOf(
      await callFixture("export function main() { return new Proxy({}, { get() { throw new Error('gotcha'); } }); }"),
    );
    expect(thenTrap).toMatchObject({
      status: "error",
      reason: "runtime_error",
      message: expect.stringMatching(/threw gotcha/),
    });
    const getter = verdictOf(
      await callFixture("export function main() { return { get score() { for (;;) {} } }; }", QUICK),
    );
    expect(getter.status).not.toBe("pass");
    const thrown = verdictOf(
      await callFixture("export function main() { throw new Proxy({}, { get() { throw new Error('gotcha'); } }); }"),
    );
    expect(thrown).toMatchObject({ status: "error", reason: "runtime_error" });
    const badThen = verdictOf(
      await callFixture("export function main() { return { then() { throw new Error('bad then'); } }; }"),
    );
    expect(badThen).toMatchObject({ reason: "runtime_error", message: expect.stringMatching(/bad then/) });
    await normalCallStillWorks();
  });
});

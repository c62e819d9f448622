import { describe, expect, it } from "vitest";
import { callFixture, valueOf, verdictOf } from "./call-fixture.ts";
import type { Limits } from "../../../exercises/schema.ts";
import { OutputSink } from "./output-sink.ts";
import { DEFAULT_RULES, judgeParallel } from "./parallelism.ts";
import type { CallOutcome } from "./run-call.ts";
import type { RuntimeOptions } from "./runtime.ts";

/** One call on the real clock (these tests are about the runner itself, not virtual time). */
const call = (
  code: string,
  args: unknown[] = [],
  options: { limits?: Partial<Limits>; output?: OutputSink; name?: string; runtime?: Partial<RuntimeOptions> } = {},
): Promise<CallOutcome> => callFixture(code, { ...options, args, runtime: { clock: "real", ...options.runtime } });

describe("runCall: threads and shared memory", () => {
  it("runs two workers at the same time on different threads (each sees the other while spinning)", async () => {
    const outcome = await call(`
      import { spawn } from "interleave";
      export async function main() {
        const flags = new Int32Array(new SharedArrayBuffer(8));
        const body = ({ flags, me }) => {
          Atomics.store(flags, me, 1);
          const end = Date.now() + 3000;
          while (Atomics.load(flags, 1 - me) === 0 && Date.now() < end) {}
          return Atomics.load(flags, 1 - me) === 1;
        };
        const a = spawn(body, { flags, me: 0 }), b = spawn(body, { flags, me: 1 });
        return [await a.join(), await b.join()];
      }`);
    expect(valueOf(outcome)).toEqual([true, true]);
    if (!outcome.ok) return;
    expect(outcome.stats.threadsUsed).toBe(3);
    const runs = outcome.stats.trace.filter((s) => s.kind === "run");
    expect([...new Set(runs.map((s) => s.thread))]).toEqual(["main", "worker 1 (body)", "worker 2 (body)"]);
  });

  it("shares SharedArrayBuffers both ways and copies everything else", async () => {
    const outcome = await call(`
      import { spawn } from "interleave";
      export async function main() {
        const shared = new Int32Array(new SharedArrayBuffer(4));
        const plain = { n: 1 };
        const h = spawn(({ shared, plain }) => { shared[0] = 42; plain.n = 99; return { seen: plain.n, back: shared }; }, { shared, plain });
        const r = await h.join();
        r.back[0] += 1;
        return [shared[0], plain.n, r.seen];
      }`);
    expect(valueOf(outcome)).toEqual([43, 1, 99]);
  });

  it("explains a worker function that closes over outer variables", async () => {
    const v = verdictOf(
      await call(`
        import { spawn } from "interleave";
        const step = 2;
        export async function main() { return spawn(() => step * 2, null).join(); }`),
    );
    expect(v.reason).toBe("task_failed");
    expect(v.message).toMatch(
      /worker 1 threw ReferenceError: step is not defined inside the worker.*like a Web Worker/,
    );
  });

  it("fails a worker that threw and was never joined, naming it", async () => {
    const v = verdictOf(
      await call(`
        import { spawn } from "interleave";
        export async function main() {
          spawn(function crunch() { throw new Error("boom"); }, null);
          await spawn(() => { const end = Date.now() + 100; while (Date.now() < end) {} }, null).join();
          return 1;
        }`),
    );
    expect(v).toMatchObject({ status: "fail", reason: "task_failed" });
    expect(v.message).toBe("worker 1 (crunch) threw boom (at line 4 in crunch) and it was never joined");
  });

  it("lets the student handle a worker's error, and fails when it propagates", async () => {
    const handled = await call(`
      import { spawn } from "interleave";
      export async function main() {
        try { await spawn(() => { throw new Error("boom"); }, null).join(); } catch (e) { return "caught: " + e.message; }
      }`);
    expect(valueOf(handled)).toMatch(/^caught: worker 1 threw boom/);
    const propagated = verdictOf(
      await call(`
        import { spawn } from "interleave";
        export async function main() { return spawn(() => { throw new RangeError("bad"); }, null).join(); }`),
    );
    expect(propagated.reason).toBe("task_failed");
    expect(propagated.message).toMatch(/worker 1 threw RangeError: bad .*reached the end of your function/);
  });

  it("fails a worker that was never joined even if it succeeded", async () => {
    const v = verdictOf(
      await call(
        `import { spawn } from "interleave"; export async function main() { spawn(() => 1, null); return 0; }`,
      ),
    );
    expect(v.reason).toBe("task_failed");
    expect(v.message).toMatch(/worker 1 .*returned without joining it/);
  });

  it("enforces the worker budget with the count, even when the student catches the refusal", async () => {
    const v = verdictOf(
      await call(
        `import { spawn } from "interleave";
        export async function main() {
          const hs = [];
          for (let i = 0; i < 3; i++) { try { hs.push(spawn(() => 1, null)); } catch {} }
          for (const h of hs) await h.join();
          return hs.length;
        }`,
        [],
        { limits: { maxWorkers: 2 } },
      ),
    );
    expect(v).toMatchObject({ status: "fail", reason: "thread_budget" });
    expect(v.message).toMatch(/tried to start 3 workers .* at most 2/);
  });
});

// What the parallelism verdict reads, recorded by the host. Each outcome below holds however
// busy the machine is: it follows from the fixture's structure (joins, barriers, where the
// work runs), not from how the scheduler shared the cores. Speed is measured in bench/.
describe("runCall: what parallelism verdicts read", () => {
  // ~50 ms of CPU each; the wall limit is roomy, so a crowded machine only makes them slower.
  const work = "let x = 0; for (let i = 0; i < 5e6; i++) x = (x + i) | 0;";
  const roomy = { limits: { wallMs: 30_000, cpuMs: 30_000 } };

  it("records workers joined one at a time as one after another", async () => {
    const outcome = await call(
      `
      import { spawn } from "interleave";
      export async function main() {
        for (let k = 0; k < 3; k++) { const h = spawn(() => { ${work} return x; }, null); await h.join(); }
        return 1;
      }`,
      [],
      roomy,
    );
    if (!outcome.ok) throw new Error(outcome.verdict.message);
    expect(outcome.stats.workers.map((w) => [w.name, w.afterJoins])).toEqual([
      ["worker 1", false],
      ["worker 2", true],
      ["worker 3", true],
    ]);
    const judged = judgeParallel(outcome.stats);
    expect(judged).toMatchObject({ parallel: false, problem: "one_after_another", figures: { overlap: 0 } });
  });

  it("records workers spawned together, held together by a barrier, as overlapping", async () => {
    const outcome = await call(
      `
      import { spawn } from "interleave";
      export async function main() {
        const flags = new Int32Array(new SharedArrayBuffer(8));
        const body = ({ flags }) => {
          // Neither ends before both have done their work: their spans must overlap.
          ${work}
          Atomics.add(flags, 0, 1);
          while (Atomics.load(flags, 0) < 2) Atomics.wait(flags, 0, Atomics.load(flags, 0), 10);
          return x;
        };
        const hs = [spawn(body, { flags }), spawn(body, { flags })];
        return (await Promise.all(hs.map((h) => h.join()))).length;
      }`,
      [],
      roomy,
    );
    expect(valueOf(outcome)).toBe(2);
    if (!outcome.ok) return;
    expect(outcome.stats.workers.map((w) => w.afterJoins)).toEqual([false, false]);
    // The share itself depends on how the machine schedules two threads (bench parallel-ts);
    // what must hold is the verdict's own rule.
    expect(judgeParallel(outcome.stats).figures.overlap).toBeGreaterThanOrEqual(DEFAULT_RULES.minOverlap);
    expect(outcome.stats.mainCpuMs).toBeLessThan(outcome.stats.cpuMs);
  });

  it("charges computing done on the main isolate to it, next to idle decoy workers", async () => {
    const outcome = await call(
      `
      import { spawn } from "interleave";
      export async function main() {
        const hs = [0, 1, 2].map(() => spawn(() => 0, null));
        // Four times the work: well above the few ms each worker's start-up costs.
        ${work.replace("5e6", "2e7")}
        await Promise.all(hs.map((h) => h.join()));
        return x;
      }`,
      [],
      roomy,
    );
    if (!outcome.ok) throw new Error(outcome.verdict.message);
    expect(judgeParallel(outcome.stats)).toMatchObject({ parallel: false, problem: "main_did_work" });
  });
});

describe("runCall: the CPU limit counts CPU used, not time", () => {
  it("does not charge workers for time they sleep (isolated-vm's busy time would)", async () => {
    const outcome = await call(
      `
      import { spawn } from "interleave";
      export async function main() {
        const cell = new Int32Array(new SharedArrayBuffer(4));
        const hs = [0, 1, 2, 3].map(() => spawn(({ cell }) => Atomics.wait(cell, 0, 0, 400), { cell }));
        return Promise.all(hs.map((h) => h.join()));
      }`,
      [],
      { limits: { cpuMs: 300, wallMs: 5000 } },
    );
    expect(valueOf(outcome)).toEqual(["timed-out", "timed-out", "timed-out", "timed-out"]);
  });

  it("stops a worker that computes beyond the CPU limit, naming the limit", async () => {
    const v = verdictOf(
      await call(
        `import { spawn } from "interleave"; export async function main() { return spawn(() => { for (;;) {} }, null).join(); }`,
        [],
        { limits: { cpuMs: 200, wallMs: 30_000 } },
      ),
    );
    expect(v).toMatchObject({ status: "error", reason: "timeout" });
    expect(v.message).toBe("main(…) and its workers used more than 200 ms of CPU in total (the CPU limit)");
  });
});

describe("runCall: Atomics.wait in workers (lock spans, deadlocks)", () => {
  it("draws a lock span where a worker slept in Atomics.wait, none for a wait that did not sleep", async () => {
    const outcome = await call(`
      import { spawn } from "interleave";
      export async function main() {
        const cell = new Int32Array(new SharedArrayBuffer(4));
        const slept = spawn(function sleeper({ cell }) { return Atomics.wait(cell, 0, 0, 60); }, { cell });
        const skipped = spawn(function skipper({ cell }) { return Atomics.wait(cell, 0, 7, 60); }, { cell });
        return [await slept.join(), await skipped.join()];
      }`);
    expect(valueOf(outcome)).toEqual(["timed-out", "not-equal"]);
    if (!outcome.ok) return;
    const locks = outcome.stats.trace.filter((s) => s.kind === "lock");
    expect(locks.map((s) => [s.thread, s.task])).toEqual([["worker 1 (sleeper)", "worker 1 (sleeper) › Atomics.wait"]]);
    const run = outcome.stats.trace.find((s) => s.kind === "run" && s.thread === "worker 1 (sleeper)");
    const [lock] = locks;
    expect(lock && run && lock.start >= run.start && lock.end <= run.end).toBe(true);
    expect((lock?.end ?? 0) - (lock?.start ?? 0)).toBeGreaterThanOrEqual(50);
  });

  it("merges back-to-back waits into one span with their count, and survives a replaced Atomics.wait", async () => {
    const outcome = await call(`
      import { spawn } from "interleave";
      export async function main() {
        const cell = new Int32Array(new SharedArrayBuffer(4));
        const many = spawn(function waiter({ cell }) { for (let i = 0; i < 20; i++) Atomics.wait(cell, 0, 0, 2); return 1; }, { cell });
        const forger = spawn(function forger({ cell }) { Atomics.wait = () => "ok"; return Atomics.wait(cell, 0, 0, 1); }, { cell });
        return [await many.join(), await forger.join()];
      }`);
    expect(valueOf(outcome)).toEqual([1, "ok"]);
    if (!outcome.ok) return;
    const locks = outcome.stats.trace.filter((s) => s.kind === "lock");
    // All 20 waits are counted; a preempted gap over 1 ms may split them, but never into 20.
    expect(locks.every((s) => s.thread === "worker 1 (waiter)")).toBe(true);
    const counts = locks.map((s) => Number(/×(\d+)$/.exec(s.task)?.[1] ?? 1));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(locks.length).toBeLessThan(20);
  });
});

describe("runCall: deadlocks in Atomics.wait", () => {
  it("calls workers asleep in Atomics.wait with nobody left to notify them a deadlock, naming them", async () => {
    // deadlock, not timeout: it was called before the 4 s wall limit.
    const v = verdictOf(
      await call(
        `
        import { spawn } from "interleave";
        export async function main() {
          const cell = new Int32Array(new SharedArrayBuffer(4));
          const a = spawn(function first({ cell }) { Atomics.wait(cell, 0, 0); }, { cell });
          const b = spawn(function second({ cell }) { Atomics.wait(cell, 0, 0); }, { cell });
          await a.join();
          await b.join();
        }`,
        [],
        { limits: { wallMs: 4000, cpuMs: 20_000 } },
      ),
    );
    expect(v.reason).toBe("deadlock");
    expect(v.message).toMatch(
      /worker 1 \(first\), worker 2 \(second\) sleep in Atomics\.wait with no timeout, and task main waits for join worker 1/,
    );
  });

  it("is no deadlock while someone can still notify: a running worker, or main after a sleep", async () => {
    const outcome = await call(
      `
      import { spawn, sleep } from "interleave";
      export async function main() {
        const cell = new Int32Array(new SharedArrayBuffer(8));
        const sleeper = spawn(function sleeper({ cell }) { return Atomics.wait(cell, 0, 0); }, { cell });
        const waker = spawn(function waker({ cell }) {
          const end = Date.now() + 700;
          while (Date.now() < end) {}
          Atomics.store(cell, 0, 1);
          return Atomics.notify(cell, 0);
        }, { cell });
        const second = spawn(function second({ cell }) { return Atomics.wait(cell, 1, 0); }, { cell });
        const first = [await sleeper.join(), await waker.join()];
        await sleep(700);
        Atomics.store(cell, 1, 1);
        Atomics.notify(cell, 1);
        return [...first, await second.join()];
      }`,
      [],
      { limits: { wallMs: 4000, cpuMs: 20_000 } },
    );
    expect(valueOf(outcome)).toEqual(["ok", 1, "ok"]);
  });

  it("leaves a wait with a timeout alone: it ends by itself", async () => {
    const outcome = await call(
      `
      import { spawn } from "interleave";
      export async function main() {
        const cell = new Int32Array(new SharedArrayBuffer(4));
        return spawn(({ cell }) => Atomics.wait(cell, 0, 0, 800), { cell }).join();
      }`,
      [],
      { limits: { wallMs: 4000, cpuMs: 20_000 } },
    );
    expect(valueOf(outcome)).toBe("timed-out");
  });
});

describe("runCall: limits and robustness", () => {
  it("stops an infinite loop in main, in a worker and after an await", async () => {
    const limits = { wallMs: 300 };
    // Whole verdicts, so a failure shows the message (an `internal` says which net fired).
    expect(verdictOf(await call("export function main() { for (;;) {} }", [], { limits }))).toMatchObject({
      reason: "timeout",
    });
    expect(
      verdictOf(await call("export async function main() { await null; for (;;) {} }", [], { limits })),
    ).toMatchObject({ reason: "timeout" });
    const worker = verdictOf(
      await call(
        `import { spawn } from "interleave"; export async function main() { return spawn(() => { for (;;) {} }, null).join(); }`,
        [],
        { limits },
      ),
    );
    expect(worker).toMatchObject({ status: "error", reason: "timeout" });
  });

  it("stops a memory bomb in main and in a worker", async () => {
    const bomb = "const a = []; for (;;) a.push(new Array(1e5).fill(1));";
    expect(verdictOf(await call(`export function main() { ${bomb} }`)).reason).toBe("memory_limit");
    const worker = verdictOf(
      await call(
        `import { spawn } from "interleave"; export async function main() { return spawn(() => { ${bomb} }, null).join(); }`,
      ),
    );
    expect(worker.reason).toBe("memory_limit");
    expect(worker.message).toMatch(/^worker 1 ran out of memory/);
  });

  it("reports a missing or wrongly typed export as missing_api", async () => {
    expect(verdictOf(await call("export function other() {}")).reason).toBe("missing_api");
    const typed = verdictOf(await call("export const main = 5;"));
    expect(typed).toMatchObject({
      reason: "missing_api",
      message: "main should be an exported function, but it is number",
    });
  });

  it("offers no Node or timer APIs and no way to the host handles", async () => {
    const names = ["require", "process", "setTimeout", "fetch", "Buffer", "__interleave_host"];
    const outcome = await call(
      `export function main() { return ${JSON.stringify(names)}.map((n) => typeof globalThis[n]); }`,
    );
    expect(valueOf(outcome)).toEqual(names.map(() => "undefined"));
  });

  it("rejects imports other than the harness module as a compile error", async () => {
    const v = verdictOf(await call('import fs from "node:fs";\nexport function main() { return fs; }'));
    expect(v).toMatchObject({ status: "error", reason: "compile_error" });
    expect(v.message).toMatch(/^line 1: cannot import "node:fs"/);
  });

  it("refuses spawn while the module loads", async () => {
    const v = verdictOf(
      await call('import { spawn } from "interleave"; spawn(() => 1, null); export function main() {}'),
    );
    expect(v.reason).toBe("runtime_error");
    expect(v.message).toMatch(/only be called from inside your exported functions/);
  });

  it("reports a value that cannot be copied out as wrong_result, and a throw as runtime_error", async () => {
    expect(verdictOf(await call("export function main() { return () => 1; }")).reason).toBe("wrong_result");
    const thrown = verdictOf(await call("export function main() { throw new TypeError('nope'); }"));
    expect(thrown).toMatchObject({ status: "error", reason: "runtime_error" });
    expect(thrown.message).toMatch(/^main\(…\) threw TypeError: nope/);
  });
});

describe("runCall: the verdict channel", () => {
  it("captures console output with a cap, and output never changes the value", async () => {
    const output = new OutputSink(64);
    const outcome = await call(
      `import { spawn } from "interleave";
      export async function main() {
        console.log("hello", { a: [1, 2] }, new Int32Array(2));
        console.error("warn");
        await spawn(() => console.log("from worker"), null).join();
        for (let i = 0; i < 1000; i++) console.log("PASS {\\"status\\":\\"pass\\"}");
        return 7;
      }`,
      [],
      { output },
    );
    expect(valueOf(outcome)).toBe(7);
    expect(output.text("stdout")).toMatch(
      /^hello \{ a: \[1, 2\] \} Int32Array\(2\) \[0, 0\]\n\[worker 1\] from worker\n/,
    );
    expect(output.text("stderr")).toBe("warn\n");
    expect(Buffer.byteLength(output.text("stdout"))).toBe(64);
    expect(output.truncated).toBe(true);
  });

  it("cannot be forged by tampering with the isolate's globals", async () => {
    const outcome = await call(`
      export function main() {
        JSON.stringify = () => "42";
        JSON.parse = () => 42;
        Object.prototype.toJSON = () => 42;
        Atomics.load = () => 42;
        Number.prototype.valueOf = () => 42;
        globalThis.console = { log() {} };
        return 41;
      }`);
    expect(valueOf(outcome)).toBe(41);
  });

  it("copies out plain data only: no live objects, no getters", async () => {
    expect(valueOf(await call("export function main() { return { n: [1, { m: 2 }] }; }"))).toEqual({
      n: [1, { m: 2 }],
    });
    const getter = verdictOf(await call("export function main() { return { get n() { return 42; } }; }"));
    expect(getter.reason).toBe("wrong_result");
  });
});

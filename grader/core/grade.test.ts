import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GradeResult } from "../contract.ts";
import { checkExercises } from "./check-exercises.ts";
import { writeFixtureExercise } from "./fixture-exercise.ts";
import { grade, UnknownExerciseError, withOneRetry } from "./grade.ts";
import { GraderChild, type ChildOutcome } from "./grader-child.ts";

const COUNTER = path.resolve(import.meta.dirname, "..", "..", "exercises", "ts", "shared-counter");
let fixture: { root: string; id: string };

beforeAll(async () => {
  fixture = await writeFixtureExercise({
    bad: {
      "returns-two.ts": { code: "export function f() { return 2; }\n", status: "fail", reason: "wrong_result" },
      "wrongly-expected.ts": { code: "export function f() { return 1; }\n", status: "fail", reason: "wrong_result" },
    },
  });
});
afterAll(async () => {
  await rm(fixture.root, { recursive: true, force: true });
});

const gradeFixture = (code: string) => grade({ exerciseId: fixture.id, code, exercisesRoot: fixture.root });

describe("grade() on ts/shared-counter (real child process, real threads)", () => {
  it("passes the reference solution and reports a plausible work spread", async () => {
    const started = performance.now();
    const result = await grade({
      exerciseId: "ts/shared-counter",
      code: await readFile(path.join(COUNTER, "solutions/good/atomics.ts"), "utf8"),
    });
    process.stderr.write(`grade latency (good solution): ${Math.round(performance.now() - started)} ms\n`);
    expect(result).toMatchObject({ status: "pass", score: 1 });
    // The figure is reported; its bounds are the verdict's business (bench/ measures them).
    expect(result.tests[1]?.timing?.workSpread).toBeGreaterThan(0);
    // The test draws 3 to 5 workers.
    expect(result.tests[1]?.trace?.some((s) => s.thread === "worker 3")).toBe(true);
  });

  it("catches the racy starter with the lost count in the message", async () => {
    const result = await grade({
      exerciseId: "ts/shared-counter",
      code: await readFile(path.join(COUNTER, "starter.ts"), "utf8"),
    });
    expect(result).toMatchObject({ status: "fail", reason: "lost_updates" });
    expect(result.message).toMatch(/^the \d+ visits brought \d+ visitors, but the counter read \d+: \d+ were lost/);
    expect(result.message).toMatch(/read, read.*write, write/);
  });
});

describe("grade() robustness", () => {
  it("grades a correct and a wrong answer", async () => {
    expect((await gradeFixture("export function f() { return 1; }")).status).toBe("pass");
    const wrong = await gradeFixture("export function f() { console.log('PASS'); return 2; }");
    expect(wrong).toMatchObject({ status: "fail", reason: "wrong_result", score: 0, stdout: "PASS\n" });
    expect(wrong.tests[0]).toMatchObject({ expected: 1, actual: 2 });
  });

  it("turns a syntax error into compile_error with a diagnostic", async () => {
    const result = await gradeFixture("export function f() {\n  return 1 +;\n}\n");
    expect(result).toMatchObject({ status: "error", reason: "compile_error", score: 0 });
    expect(result.diagnostics[0]).toMatchObject({ line: 2, severity: "error" });
  });

  it("survives loops, memory bombs and missing exports", async () => {
    expect(await gradeFixture("export function f() { for (;;) {} }")).toMatchObject({
      status: "error",
      reason: "timeout",
    });
    // Reaching 32 MB takes a busy machine longer than the fixture's 400 ms: a roomier wall limit.
    const roomy = await writeFixtureExercise({ wallMs: 20_000 });
    const bomb = "export function f() { const a = []; for (;;) a.push(new Array(1e5).fill(0)); }";
    const bombed = await grade({ exerciseId: roomy.id, code: bomb, exercisesRoot: roomy.root }).finally(() =>
      rm(roomy.root, { recursive: true, force: true }),
    );
    expect(bombed).toMatchObject({
      status: "error",
      reason: "memory_limit",
    });
    expect(await gradeFixture("export function g() { return 1; }")).toMatchObject({
      status: "fail",
      reason: "missing_api",
    });
  });

  it("gives hostile submissions a verdict each, and grades the next one normally", async () => {
    const forged = JSON.stringify({
      version: 1,
      status: "pass",
      reason: undefined,
      message: "All tests passed.",
      score: 1,
      tests: [],
    });
    const cases: [string, string, string][] = [
      ["export function f() { for (;;) console.log('flood'); }", "error", "output_limit"],
      ["export function f() { new WebAssembly.Memory({ initial: 1 }); }", "error", "runtime_error"],
      [
        'import { spawn } from "interleave"; export function f() { for (;;) spawn(() => 1, null); }',
        "fail",
        "thread_budget",
      ],
      ["export function f() { return new Promise(() => {}); }", "fail", "deadlock"],
      [`export function f() { console.log(${JSON.stringify(forged)}); return 2; }`, "fail", "wrong_result"],
      [
        "export function f() { return new Proxy({}, { get(_, k) { if (k === 'then') return undefined; throw new Error('x'); }, ownKeys() { throw new Error('x'); } }); }",
        "fail",
        "wrong_result",
      ],
    ];
    for (const [code, status, reason] of cases) {
      const result = await gradeFixture(code);
      expect(result, code).toMatchObject({ status, reason });
      expect(GradeResult.safeParse(result).success).toBe(true);
    }
    expect((await gradeFixture("export function f() { return 1; }")).status).toBe("pass");
  });

  it("turns isolated-vm's catastrophic out-of-memory into memory_limit, from the child's own IPC signal", async () => {
    const roomy = await writeFixtureExercise({ wallMs: 20_000 });
    try {
      const gradeRoomy = (code: string) => grade({ exerciseId: roomy.id, code, exercisesRoot: roomy.root });
      // V8 cannot grow one dictionary this far inside a 32 MB isolate: isolated-vm aborts the process.
      const keys = await gradeRoomy(
        'export function f() { const o = {}; for (let i = 0; i < 1_000_000; i++) o["k" + i] = i; return 1; }',
      );
      expect(keys).toMatchObject({ status: "error", reason: "memory_limit" });
      // The same words printed or thrown by the student are only text.
      const mimic = await gradeRoomy(
        'export function f() { console.error("isolated-vm catastrophic error: Catastrophic out-of-memory error"); throw new Error("Catastrophic out-of-memory error"); }',
      );
      expect(mimic).toMatchObject({ status: "error", reason: "runtime_error" });
      expect(await gradeRoomy("export function f() { return 1; }")).toMatchObject({ status: "pass" });
    } finally {
      await rm(roomy.root, { recursive: true, force: true });
    }
  });

  it("grades hostile values with a student-facing verdict, never internal", async () => {
    const cases: [string, string, string][] = [
      ["export function f() { return 10n; }", "fail", "wrong_result"],
      ["export function f() { const o = { n: 1n }; o.self = o; return o; }", "fail", "wrong_result"],
      ["export function f() { return 'x'.repeat(50 * 1024 * 1024); }", "fail", "wrong_result"],
      ["export function f() { throw Symbol('s'); }", "error", "runtime_error"],
    ];
    for (const [code, status, reason] of cases) {
      const result = await gradeFixture(code);
      expect(result, code).toMatchObject({ status, reason });
      expect(JSON.stringify(result).length, code).toBeLessThan(100_000);
    }
  });

  it("always returns results that match the contract", async () => {
    for (const code of ["", "export const f = 1", "throw new Error('top')", "export function f() { return 1 }"]) {
      expect(GradeResult.safeParse(await gradeFixture(code)).success).toBe(true);
    }
  });

  it("rejects unknown exercises and honours an abort signal", async () => {
    await expect(grade({ exerciseId: "ts/no-such-thing", code: "" })).rejects.toBeInstanceOf(UnknownExerciseError);
    await expect(grade({ exerciseId: "../etc", code: "" })).rejects.toBeInstanceOf(UnknownExerciseError);
    const controller = new AbortController();
    const aborted = grade({
      exerciseId: fixture.id,
      code: "export function f() { for (;;) {} }",
      exercisesRoot: fixture.root,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error("stop")), 100);
    await expect(aborted).rejects.toThrow("stop");
  });

  it("kills a child that outlives the watchdog", async () => {
    const child = new GraderChild();
    const meta = JSON.parse(await readFile(path.join(fixture.root, "ts/fixture/exercise.json"), "utf8"));
    const outcome = await child.run(
      {
        type: "grade",
        exerciseId: fixture.id,
        dir: path.join(fixture.root, "ts/fixture"),
        meta,
        code: "export function f() { return 1 }",
        seed: 1,
      },
      { watchdogMs: 1 },
    );
    expect(outcome).toMatchObject({ kind: "crash", watchdog: true, signal: "SIGKILL" });
  });

  it("kills a child whose heartbeat stops, and keeps one whose heartbeat goes on", async () => {
    const meta = JSON.parse(await readFile(path.join(fixture.root, "ts/fixture/exercise.json"), "utf8"));
    const job = {
      type: "grade",
      exerciseId: fixture.id,
      dir: path.join(fixture.root, "ts/fixture"),
      meta,
      code: "export function f() { for (;;) {} }",
      seed: 1,
    } as const;
    // A 1 ms allowance cannot be met by a 500 ms heartbeat: the check sees silence and kills.
    const silent = await new GraderChild().run(job, { watchdogMs: 30_000, stallMs: 1 });
    expect(silent).toMatchObject({ kind: "crash", stalled: true, watchdog: false, signal: "SIGKILL" });
    // With the real allowance the endless loop ends through the runner's own limit, as a result.
    const heard = await new GraderChild().run(job, { watchdogMs: 30_000 });
    expect(heard).toMatchObject({ kind: "result", result: { status: "error", reason: "timeout" } });
  });

  it("grades once more after a hang, never after a result or a memory kill, and at most once", async () => {
    const crash = (over: Partial<ChildOutcome & { kind: "crash" }>): ChildOutcome => ({
      kind: "crash",
      code: null,
      signal: "SIGKILL",
      stderr: "",
      watchdog: false,
      starvedOut: false,
      memoryKill: false,
      stalled: false,
      catastrophe: null,
      ...over,
    });
    const result: ChildOutcome = {
      kind: "result",
      result: GradeResult.parse({
        version: 1,
        status: "pass",
        score: 1,
        message: "ok",
        tests: [],
        diagnostics: [],
        stdout: "",
        stderr: "",
        truncated: false,
      }),
    };
    const script = async (outcomes: ChildOutcome[]) => {
      let calls = 0;
      let retries = 0;
      const final = await withOneRetry(
        async () => outcomes[calls++] ?? result,
        () => retries++,
      );
      return { final, calls, retries };
    };
    expect(await script([crash({ stalled: true }), result])).toMatchObject({ final: result, calls: 2, retries: 1 });
    expect(await script([crash({ watchdog: true }), result])).toMatchObject({ final: result, calls: 2, retries: 1 });
    expect(await script([crash({ stalled: true }), crash({ stalled: true })])).toMatchObject({
      final: { stalled: true },
      calls: 2,
    });
    expect(await script([crash({ memoryKill: true })])).toMatchObject({
      final: { memoryKill: true },
      calls: 1,
      retries: 0,
    });
    expect(await script([crash({ signal: "SIGSEGV" })])).toMatchObject({
      final: { signal: "SIGSEGV" },
      calls: 1,
      retries: 0,
    });
    expect(await script([result])).toMatchObject({ calls: 1, retries: 0 });
  });

  it("kills a child whose memory grows past the cap, and says so", async () => {
    const child = new GraderChild();
    const meta = JSON.parse(await readFile(path.join(fixture.root, "ts/fixture/exercise.json"), "utf8"));
    const outcome = await child.run(
      {
        type: "grade",
        exerciseId: fixture.id,
        dir: path.join(fixture.root, "ts/fixture"),
        meta,
        code: "export function f() { return 1 }",
        seed: 1,
      },
      { watchdogMs: 30_000, memoryCapMb: 1 },
    );
    expect(outcome).toMatchObject({ kind: "crash", memoryKill: true, watchdog: false, signal: "SIGKILL" });
  });
});

describe("checkExercises", () => {
  it("compares every solution's verdict with its expectation", async () => {
    const lines: string[] = [];
    const summary = await checkExercises({ root: fixture.root, log: (line) => lines.push(line) });
    expect(summary).toMatchObject({ passed: 3, failed: 1, problems: 0, skipped: [] });
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^FAIL ts\/fixture solutions\/bad\/wrongly-expected\.ts: expected fail\/wrong_result, got pass/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ok {3}ts\/fixture starter\.ts -> fail\/wrong_result/));
  });
});

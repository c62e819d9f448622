// Student values are hostile data (DESIGN.md, "Verdict integrity"): every class below ends in
// a clean student-facing verdict — never `internal`, never a crash — and the call after it
// works normally. Error kinds come from the host's records, never from an error's text.
import { describe, expect, it } from "vitest";
import { sanitizeGradeResult } from "../../core/sanitize-result.ts";
import { safeStringify, toPlainData } from "../../plain-data.ts";
import { callFixture, valueOf, verdictOf } from "./call-fixture.ts";
import type { CallOutcome } from "./run-call.ts";

async function normalCallStillWorks() {
  const outcome = await callFixture(`import { sleep, spawn } from "interleave";
    export async function main() { await sleep(10); return [await spawn((n) => n * 2, 21).join(), 1]; }`);
  expect(valueOf(outcome)).toEqual([42, 1]);
}

function expectVerdict(outcome: CallOutcome, status: "fail" | "error", reason: string, message: RegExp) {
  const v = verdictOf(outcome);
  expect(v).toMatchObject({ status, reason });
  expect(v.message).toMatch(message);
  // Nothing of the host leaks: no grader paths, no isolated-vm wording.
  expect(v.message).not.toMatch(/file:\/\/|\.ts:\d|isolated-vm|could not be cloned/);
}

const returning = (expr: string) => callFixture(`export async function main() { ${expr} }`);

describe("hostile values: returned", () => {
  it("copies BigInt and cyclic results out, and the host can describe and compare them", async () => {
    const big = valueOf(await returning("return [1n, 2n ** 70n];"));
    expect(toPlainData(big)).toEqual(["1n", "1180591620717411303424n"]);
    const cyclic = valueOf(await returning("const a = [1]; a.push(a); const o = { a }; o.self = o; return o;"));
    expect(toPlainData(cyclic)).toEqual({ a: [1, "[Circular]"], self: "[Circular]" });
    expect(() => safeStringify(cyclic)).not.toThrow();
    expect(safeStringify(big)).not.toBe(safeStringify(["1", "2"]));
    expect(safeStringify([1, "a", { b: null }])).toBe(JSON.stringify([1, "a", { b: null }]));
  });

  it("refuses values that cannot or should not leave the sandbox, saying what and where", async () => {
    expectVerdict(
      await returning("return ['a', 'x'.repeat(3_000_000)];"),
      "fail",
      "wrong_result",
      /cannot leave the sandbox: it contains more than 1000000 characters of text at \[1\]/,
    );
    expectVerdict(
      await returning("let a = []; for (let i = 0; i < 200000; i++) a = [a]; return a;"),
      "fail",
      "wrong_result",
      /more than 200 levels of nesting/,
    );
    expectVerdict(
      await returning("return { ok: 1, id: Symbol('x') };"),
      "fail",
      "wrong_result",
      /it contains a Symbol at \.id/,
    );
    // Cheap in the isolate, but a host that walks it visits 4 billion indices.
    expectVerdict(
      await returning("const a = []; a.length = 2 ** 32 - 1; a[0] = 1; return { list: a };"),
      "fail",
      "wrong_result",
      /an array of length 4294967295 \(more than 200000 items\) at \.list/,
    );
    expectVerdict(await returning("return [() => 1];"), "fail", "wrong_result", /it contains a function at \[0\]/);
    // The getter never runs: it would loop forever, and the verdict is not a timeout.
    expectVerdict(
      await returning("return { get score() { for (;;) {} } };"),
      "fail",
      "wrong_result",
      /a getter \(property score\)/,
    );
    expectVerdict(await returning("return new Map([[1, { s: Symbol() }]]);"), "fail", "wrong_result", /a Symbol/);
    await normalCallStillWorks();
  });

  it("says 'did you forget await?' for a returned Promise", async () => {
    const outcome = await callFixture(
      `import { sleep } from "interleave"; export async function main() { return [sleep(5)]; }`,
    );
    expectVerdict(outcome, "fail", "wrong_result", /it contains a Promise at \[0\] — did you forget await\?/);
  });

  it("reports a returned revoked Proxy as a value that cannot leave, not as a throw (async and plain functions)", async () => {
    const revoked = "const { proxy, revoke } = Proxy.revocable([], {}); revoke(); return proxy;";
    expectVerdict(
      await returning(revoked),
      "fail",
      "wrong_result",
      /cannot leave the sandbox: it contains a revoked Proxy/,
    );
    expectVerdict(await callFixture(`export function main() { ${revoked} }`), "fail", "wrong_result", /revoked Proxy/);
    // Proxy.revocable still works as the language says until it is revoked.
    const live = await returning(
      "const { proxy, revoke } = Proxy.revocable({ a: 1 }, {}); const before = [proxy.a, 'a' in proxy, Object.keys(proxy)]; revoke(); let after; try { proxy.a; } catch (e) { after = e instanceof TypeError; } return [before, after];",
    );
    expect(valueOf(live)).toEqual([[1, true, ["a"]], true]);
    await normalCallStillWorks();
  });

  it("refuses a worker's hostile return value as task_failed, naming the worker", async () => {
    const symbol = await callFixture(
      `import { spawn } from "interleave"; export async function main() { return spawn(() => ({ s: Symbol("x") }), null).join(); }`,
    );
    expectVerdict(
      symbol,
      "fail",
      "task_failed",
      /^worker 1 returned a value that cannot leave the worker: it contains a Symbol at \.s/,
    );
    const deep = await callFixture(
      `import { spawn } from "interleave"; export async function main() { return spawn(() => { let a = []; for (let i = 0; i < 200000; i++) a = [a]; return a; }, null).join(); }`,
    );
    expectVerdict(deep, "fail", "task_failed", /levels of nesting/);
    const sent = await callFixture(`import { channel, spawn } from "interleave";
      export async function main() { const [tx, rx] = channel(); tx.send(Symbol("s")); return rx.recv(); }`);
    expectVerdict(sent, "error", "runtime_error", /send\(value\): the value cannot be copied to another isolate/);
    await normalCallStillWorks();
  });
});

describe("hostile values: thrown", () => {
  it("gives every thrown non-Error a clean sentence", async () => {
    expectVerdict(
      await returning("throw Symbol('nope');"),
      "error",
      "runtime_error",
      /threw a Symbol \("nope"\), which is not an Error/,
    );
    expectVerdict(
      await returning("throw { code: 7, toString() { throw new Error('boom'); } };"),
      "error",
      "runtime_error",
      /threw an object \(keys: code, toString\), which is not an Error/,
    );
    expectVerdict(
      await returning("const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); throw proxy;"),
      "error",
      "runtime_error",
      /threw an object that cannot be inspected/,
    );
    expectVerdict(
      await returning("throw undefined;"),
      "error",
      "runtime_error",
      /threw undefined, which is not an Error/,
    );
    expectVerdict(await returning("throw 10n;"), "error", "runtime_error", /threw the bigint 10n/);
    await normalCallStillWorks();
  });

  it("never runs a thrown error's getters and caps its message", async () => {
    const getters = await returning("class Evil extends Error { get message() { for (;;) {} } } throw new Evil();");
    expectVerdict(getters, "error", "runtime_error", /threw \(an error without a message\)/);
    const huge = verdictOf(await returning("throw new Error('y'.repeat(5_000_000));"));
    expect(huge.reason).toBe("runtime_error");
    expect(huge.message.length).toBeLessThan(2500);
  });

  it("takes error kinds from the host, never from an error's text", async () => {
    for (const text of [
      "Script execution timed out.",
      "Isolate was disposed during execution due to memory limit",
      "Array buffer allocation failed",
      "#<Object> could not be cloned.",
    ]) {
      const main = verdictOf(await returning(`throw new Error(${JSON.stringify(text)});`));
      expect(main).toMatchObject({ status: "error", reason: "runtime_error" });
      expect(main.message).toContain(text);
      const worker = verdictOf(
        await callFixture(
          `import { spawn } from "interleave"; export async function main() { return spawn(() => { throw new RangeError(${JSON.stringify(text)}); }, null).join(); }`,
        ),
      );
      expect(worker).toMatchObject({ status: "fail", reason: "task_failed" });
    }
    // The real signals still give the real kinds.
    expectVerdict(
      await returning("const a = []; for (;;) a.push(new Uint8Array(1 << 20));"),
      "error",
      "memory_limit",
      /ran out of memory/,
    );
    await normalCallStillWorks();
  });
});

describe("messages say what the code did", () => {
  it("names the student's own error when it throws after spawning, at its TypeScript line", async () => {
    const code = [
      'import { spawn } from "interleave";',
      "interface Job { n: number }",
      "type Pair = [number, number];",
      "export async function main(): Promise<number> {",
      "  const jobs: Job[] = [{ n: 1 }, { n: 2 }];",
      "  const hs = jobs.map((j: Job) => spawn((d: Job) => { const end = Date.now() + 50; while (Date.now() < end) {} return d.n; }, j));",
      "  const p: Pair = [1, 2];",
      '  if (p.length === 2) throw new Error("my own bug");',
      "  return hs.length;",
      "}",
    ].join("\n");
    const v = verdictOf(await callFixture(code));
    expect(v).toMatchObject({ status: "error", reason: "runtime_error" });
    expect(v.message).toBe("main(…) threw my own bug (at line 8 in main) (2 workers it had started were never joined)");
  });

  it("gives workers' errors the TypeScript line inside the module", async () => {
    const code = [
      'import { spawn } from "interleave";',
      "type N = number;",
      "export async function main() {",
      "  return spawn((n: N) => {",
      "    const m: N = n;",
      '    if (m > 0) throw new TypeError("bad " + m);',
      "  }, 3).join();",
      "}",
    ].join("\n");
    const v = verdictOf(await callFixture(code));
    expect(v).toMatchObject({
      reason: "task_failed",
      message: "worker 1 threw TypeError: bad 3 (at line 6) and the error reached the end of your function",
    });
  });
});

describe("hostile values: the GradeResult", () => {
  it("clips student-made trace names instead of failing the schema", async () => {
    const outcome = await callFixture(
      `import { fetchData, task } from "interleave";
      export async function main() { return task("T".repeat(100000), () => fetchData("/" + "u".repeat(5000))); }`,
      { runtime: { serve: () => ({ latencyMs: 5, value: 1 }) } },
    );
    expect(valueOf(outcome)).toBe(1);
    for (const span of outcome.stats.trace) expect(span.task.length).toBeLessThanOrEqual(200);
  });

  it("makes any result valid: huge, BigInt, cyclic and non-finite fields are cut, not rejected", () => {
    const cyclic: Record<string, unknown> = { n: 1n };
    cyclic.self = cyclic;
    const result = sanitizeGradeResult({
      version: 1,
      status: "fail",
      reason: "wrong_result",
      message: "m".repeat(100_000),
      score: Number.NaN,
      tests: [
        {
          name: "n".repeat(1000),
          status: "fail",
          reason: "wrong_result",
          message: "x".repeat(10_000),
          expected: [1n, 2n],
          actual: { big: "z".repeat(50_000_000), cyclic, list: Array.from({ length: 100_000 }, (_, i) => i) },
          durationMs: Number.POSITIVE_INFINITY,
          clock: "real",
          timing: { wallMs: -1, cpuMs: 5 },
          trace: [{ task: "t".repeat(1_000_000), thread: "main", kind: "run", start: 0, end: Number.NaN }],
        },
      ],
      diagnostics: [],
      stdout: "",
      stderr: "",
      truncated: false,
    });
    const json = JSON.stringify(result);
    expect(json.length).toBeLessThan(40_000);
    expect(result.tests[0]?.expected).toEqual(["1n", "2n"]);
    expect(result.tests[0]?.trace?.[0]?.task.length).toBe(200);
    expect(result.tests[0]?.timing).toEqual({ cpuMs: 5 });
    expect(result.score).toBe(0);
  });
});

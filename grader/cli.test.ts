import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GradeResult } from "./contract.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const COUNTER = "exercises/ts/shared-counter";

/** Runs scripts/cli.ts the way ./interleave does (without its install step). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--no-node-snapshot", "--disable-warning=ExperimentalWarning", "--import", "tsx", "scripts/cli.ts", ...args],
      { cwd: ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("./interleave grade", () => {
  it("prints exactly one GradeResult with --json and exits 0 even for a failing solution", async () => {
    const run = await cli("grade", "ts/shared-counter", `${COUNTER}/solutions/bad/plain-increment.ts`, "--json");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const result = GradeResult.parse(JSON.parse(lines[0] ?? ""));
    expect(result).toMatchObject({ status: "fail", reason: "lost_updates" });
  });

  it("prints a readable summary without --json", async () => {
    const run = await cli("grade", "ts/shared-counter", `${COUNTER}/solutions/good/atomics.ts`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ts\/shared-counter: PASS — (\d+)\/\1 tests/);
  });

  it("exits 2 with a clear message for usage errors, printing nothing on stdout", async () => {
    const unknown = await cli("grade", "ts/no-such-exercise", `${COUNTER}/starter.ts`, "--json");
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toMatch(/unknown exercise "ts\/no-such-exercise"/);
    const missing = await cli("grade", "ts/shared-counter", "does-not-exist.ts", "--json");
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatch(/cannot read does-not-exist\.ts: no such file/);
    expect((await cli("grade")).code).toBe(2);
    expect((await cli("grade", "ts/shared-counter", "x.ts", "--verbose")).code).toBe(2);
    for (const bad of ["-1", "abc", "4294967296", "1.5"]) {
      const run = await cli("grade", "ts/shared-counter", `${COUNTER}/starter.ts`, "--seed", bad);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toMatch(/--seed takes an integer/);
    }
    expect((await cli("grade", "ts/shared-counter", `${COUNTER}/starter.ts`, "--seed")).code).toBe(2);
  });

  it("records the input seed in the result and replays it with --seed", async () => {
    const run = await cli(
      "grade",
      "ts/shared-counter",
      `${COUNTER}/solutions/good/atomics.ts`,
      "--json",
      "--seed",
      "4000000000",
    );
    expect(GradeResult.parse(JSON.parse(run.stdout)).seed).toBe(4_000_000_000);
    const drawn = GradeResult.parse(
      JSON.parse((await cli("grade", "ts/shared-counter", `${COUNTER}/starter.ts`, "--json")).stdout),
    );
    expect(drawn.seed).toEqual(expect.any(Number));
  });
});

describe("./interleave exercises", () => {
  it("verifies the committed JSON schema and rejects unknown subcommands", async () => {
    expect((await cli("exercises", "schema", "--check")).code).toBe(0);
    expect((await cli("exercises", "frobnicate")).code).toBe(2);
  });
});

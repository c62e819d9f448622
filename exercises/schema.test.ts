import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExerciseMeta, exerciseJsonSchema } from "./schema.ts";

const valid = {
  id: "ts/shared-counter",
  uuid: "0b6c8f64-64a4-4b0f-9d43-5a7e3c2f9b10",
  title: "Share a counter safely",
  summary: "Workers add to one shared counter without losing updates.",
  difficulty: "intro",
  concepts: ["shared-memory", "atomics"],
  language: "typescript",
  position: 1,
  limits: { cpuMs: 2000, wallMs: 2000, memoryMb: 64, maxWorkers: 8 },
  thresholds: { minWorkSpread: 1.5 },
  expectations: {
    starter: { status: "fail", reason: "lost_updates" },
    bad: { "plain-increment.ts": { status: "fail", reason: "lost_updates" } },
  },
};

function issuesOf(value: unknown): string[] {
  const parsed = ExerciseMeta.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("ExerciseMeta", () => {
  it("takes hints in order, symptom to concept to api, each optionally tied to reasons", () => {
    const hints = [
      { level: "symptom", text: "The counter ends below the number of increments." },
      { level: "concept", text: "An update must be one indivisible step.", reasons: ["lost_updates"] },
      { level: "api", text: "Atomics.add(counter, 0, 1) does it in one step." },
    ];
    expect(issuesOf({ ...valid, hints })).toEqual([]);
    expect(ExerciseMeta.parse(valid).hints).toEqual([]);
    expect(issuesOf({ ...valid, hints: [hints[2], hints[0]] })).toEqual([
      "hints: hints go from symptom to concept to api",
    ]);
    expect(issuesOf({ ...valid, hints: [{ level: "api", text: "x" }] })).toEqual([
      "hints.0.text: Too small: expected string to have >=10 characters",
    ]);
    expect(
      issuesOf({ ...valid, hints: [{ level: "api", text: "Use Promise.all here.", reasons: ["not_a_reason"] }] }),
    ).toHaveLength(1);
  });

  it("accepts a complete exercise and defaults thresholds", () => {
    expect(issuesOf(valid)).toEqual([]);
    const { thresholds: _ignored, ...withoutThresholds } = valid;
    expect(ExerciseMeta.parse(withoutThresholds).thresholds).toEqual({});
  });

  it("rejects a bad solution that is expected to pass", () => {
    const meta = { ...valid, expectations: { ...valid.expectations, bad: { "x.ts": { status: "pass" } } } };
    expect(issuesOf(meta)).toContain("expectations.bad.x.ts.status: a bad solution must not pass");
  });

  it("rejects a reason that belongs to the other status", () => {
    const meta = {
      ...valid,
      expectations: { ...valid.expectations, starter: { status: "error", reason: "lost_updates" } },
    };
    expect(issuesOf(meta)).toContain("expectations.starter.status: reason lost_updates belongs to status fail");
  });

  it("rejects a failing expectation without a reason, unknown keys and bad ids", () => {
    const meta = {
      ...valid,
      id: "ts/Shared_Counter",
      colour: "red",
      expectations: { starter: { status: "fail" }, bad: {} },
    };
    const issues = issuesOf(meta);
    expect(issues.some((i) => i.startsWith("id:"))).toBe(true);
    expect(issues.some((i) => i.includes("colour"))).toBe(true);
    expect(issues).toContain("expectations.starter.reason: a failing expectation needs a reason");
  });
});

describe("exercise.schema.json", () => {
  it("is up to date with exercises/schema.ts (run ./interleave exercises schema)", async () => {
    const committed = await readFile(path.join(import.meta.dirname, "exercise.schema.json"), "utf8");
    expect(committed).toBe(exerciseJsonSchema());
  });
});

import { describe, expect, it } from "vitest";
import { harnessInput } from "./harness-input.ts";

describe("harnessInput", () => {
  it("puts the nonce on the first line and the thresholds as one flat JSON line", () => {
    const text = harnessInput({ nonce: "abc123", thresholds: { maxStallMs: 50, minWorkSpread: 1.5 } });
    const [nonce, thresholds, rest] = text.split("\n");
    expect(nonce).toBe("abc123");
    expect(JSON.parse(thresholds ?? "")).toEqual({ maxStallMs: 50, minWorkSpread: 1.5 });
    expect(rest).toBe("");
  });

  it("writes an empty object when the exercise names no thresholds", () => {
    expect(harnessInput({ nonce: "n", thresholds: {} })).toBe("n\n{}\n");
  });

  it("refuses what the harness's small parser cannot read", () => {
    expect(() => harnessInput({ nonce: "n", thresholds: { "a,b": 1 } })).toThrow();
    expect(() => harnessInput({ nonce: "n", thresholds: { ok: Number.POSITIVE_INFINITY } })).toThrow();
  });
});

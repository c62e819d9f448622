import { describe, expect, it } from "vitest";
import { harnessInput } from "./harness-input.ts";

describe("harnessInput", () => {
  it("puts the nonce on the first line, the thresholds as one flat JSON line, then the seed", () => {
    const text = harnessInput({
      nonce: "abc123",
      thresholds: { maxStallMs: 50, minWorkSpread: 1.5 },
      seed: 4_000_000_000,
    });
    const [nonce, thresholds, seed, rest] = text.split("\n");
    expect(nonce).toBe("abc123");
    expect(JSON.parse(thresholds ?? "")).toEqual({ maxStallMs: 50, minWorkSpread: 1.5 });
    expect(seed).toBe("4000000000");
    expect(rest).toBe("");
  });

  it("writes an empty object when the exercise names no thresholds", () => {
    expect(harnessInput({ nonce: "n", thresholds: {}, seed: 1 })).toBe("n\n{}\n1\n");
  });

  it("refuses what the harness's small parser cannot read", () => {
    expect(() => harnessInput({ nonce: "n", thresholds: { "a,b": 1 }, seed: 1 })).toThrow();
    expect(() => harnessInput({ nonce: "n", thresholds: { ok: Number.POSITIVE_INFINITY }, seed: 1 })).toThrow();
    expect(() => harnessInput({ nonce: "n", thresholds: {}, seed: -1 })).toThrow();
    expect(() => harnessInput({ nonce: "n", thresholds: {}, seed: 2 ** 32 })).toThrow();
  });
});

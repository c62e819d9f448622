import { describe, expect, it } from "vitest";
import { formatMs, formatScore, formatValue, timingEntries } from "./format";

describe("result formatting", () => {
  it("chooses a readable unit for durations", () => {
    expect(formatMs(0.25)).toBe("250 µs");
    expect(formatMs(4.06)).toBe("4.1 ms");
    expect(formatMs(312.4)).toBe("312 ms");
    expect(formatMs(1530)).toBe("1.53 s");
  });

  it("lists only the timing numbers a test reported, in a stable order", () => {
    const entries = timingEntries({ threadsUsed: 4, workSpread: 3.912, wallMs: 12 }, "real");
    expect(entries.map((e) => `${e.label}=${e.value}`)).toEqual(["wall=12.0 ms", "work spread=3.91×", "threads=4"]);
    expect(timingEntries(undefined, "virtual")).toEqual([]);
  });

  it("shortens huge values instead of printing them whole", () => {
    const text = formatValue("x".repeat(5000), 100);
    expect(text.length).toBeLessThan(200);
    expect(text).toMatch(/more characters/);
    expect(formatValue({ a: 1 })).toBe('{\n  "a": 1\n}');
  });

  it("shows the score as a percentage", () => {
    expect(formatScore(1 / 3)).toBe("33%");
  });
});

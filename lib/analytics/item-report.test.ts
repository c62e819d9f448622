import { describe, expect, it } from "vitest";
import { itemReport, MIN_ATTEMPTS, type ResultRow } from "./item-report";

/** n attempts; in each, item "good", "bad" and four fillers; `score(item, i)` per item. */
function attempts(n: number, score: (item: string, i: number) => { variant: string; score: number }): ResultRow[] {
  const rows: ResultRow[] = [];
  for (let i = 0; i < n; i++) {
    for (const itemId of ["good", "bad", "other", "other2", "other3", "other4"]) {
      const { variant, score: s } = score(itemId, i);
      rows.push({ attemptId: `a${i}`, itemId, variantId: variant, score: s });
    }
  }
  return rows;
}

describe("itemReport", () => {
  // Strong students (i even) do well on "good" and "other" and badly on "bad": "bad" discriminates negatively.
  const strong = (i: number) => i % 2 === 0;
  const rows = (n: number) =>
    attempts(n, (item, i) => {
      if (item === "bad") return { variant: "v1", score: strong(i) ? 0 : 1 };
      if (item === "good") return { variant: i % 4 < 2 ? "easy" : "hard", score: strong(i) ? 1 : i % 4 < 2 ? 0.6 : 0 };
      return { variant: "v1", score: strong(i) ? 1 : 0.2 };
    });

  it("flags negative discrimination and a variant gap over 20 points once an item has 30 answers", () => {
    const report = new Map(itemReport(rows(MIN_ATTEMPTS + 2)).map((r) => [r.itemId, r]));
    expect(report.get("bad")?.flags).toEqual(["negative-discrimination"]);
    expect(report.get("bad")?.discrimination).toBeLessThan(0);
    // good: easy variant mean (1 + 0.6) / 2 = 80, hard (1 + 0) / 2 = 50: a 30-point gap.
    expect(report.get("good")?.variantGap).toBeCloseTo(30, 5);
    expect(report.get("good")?.flags).toEqual(["variant-gap"]);
    expect(report.get("other")?.flags).toEqual([]);
    // Flagged items come first.
    expect(
      itemReport(rows(MIN_ATTEMPTS + 2))
        .slice(0, 2)
        .map((r) => r.itemId)
        .sort(),
    ).toEqual(["bad", "good"]);
  });

  it("judges nothing below 30 answers, but still shows the figures", () => {
    const report = new Map(itemReport(rows(MIN_ATTEMPTS - 2)).map((r) => [r.itemId, r]));
    expect(report.get("bad")?.judged).toBe(false);
    expect(report.get("bad")?.flags).toEqual([]);
    expect(report.get("bad")?.discrimination).toBeLessThan(0);
  });

  it("an empty bank gives an empty report; a variant with few answers does not count for the gap", () => {
    expect(itemReport([])).toEqual([]);
    const few = attempts(MIN_ATTEMPTS, (item, i) => ({ variant: i < 3 ? "rare" : "common", score: i < 3 ? 0 : 1 }));
    expect(itemReport(few).find((r) => r.itemId === "good")?.variantGap).toBeNull();
  });
});

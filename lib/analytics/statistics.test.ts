import { describe, expect, it } from "vitest";
import { mean, median, pearson } from "./statistics";

describe("mean / median", () => {
  it("computes them by hand-checked examples", () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("pearson", () => {
  it("is 1 / -1 for perfectly linear data", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it("matches a hand computation", () => {
    // x = 1,2,3,4 (mean 2.5), y = 2,1,4,3 (mean 2.5): dx = -1.5,-.5,.5,1.5; dy = -.5,-1.5,1.5,.5
    // sxy = .75+.75+.75+.75 = 3; sxx = syy = 5  →  r = 3/5 = 0.6
    expect(pearson([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 12);
  });

  it("is null without variance or with fewer than two pairs", () => {
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([0, 1], [5, 5])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });
});

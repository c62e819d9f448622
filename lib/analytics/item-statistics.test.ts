import { describe, expect, it } from "vitest";
import { discrimination, itemStatistics } from "./item-statistics";

const scores = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("itemStatistics", () => {
  // Four students, three assignments (best scores):
  //        A     B     C
  //   s1   1     1     1      totals: 3
  //   s2   1     0.5   0      1.5
  //   s3   0.5   0     —      0.5   (s3 never tried C → 0)
  //   s4   —     —     —      0     (never tried anything)
  const items = [
    { id: "A", scores: scores({ s1: 1, s2: 1, s3: 0.5 }) },
    { id: "B", scores: scores({ s1: 1, s2: 0.5, s3: 0 }) },
    { id: "C", scores: scores({ s1: 1, s2: 0 }) },
  ];
  const stats = itemStatistics({ studentIds: ["s1", "s2", "s3", "s4"], items });

  it("averages best scores with 0 for students who never tried", () => {
    expect(stats.map((s) => [s.id, s.meanScore, s.attempted, s.students])).toEqual([
      ["A", 0.625, 3, 4],
      ["B", 0.375, 3, 4],
      ["C", 0.25, 2, 4],
    ]);
  });

  it("correlates each item with the total over the other items", () => {
    // A = 1,1,.5,0 (mean .625); rest = B+C = 2,.5,0,0 (mean .625)
    // dA = .375,.375,-.125,-.625; dR = 1.375,-.125,-.625,-.625
    // sxy = .515625 - .046875 + .078125 + .390625 = .9375
    // sxx = .140625*2 + .015625 + .390625 = .6875; syy = 1.890625 + .015625 + .390625*2 = 2.6875
    // r = .9375 / sqrt(.6875 * 2.6875) = .9375 / 1.359279... = .68970...
    const a = stats.find((s) => s.id === "A");
    expect(a?.discrimination).toBeCloseTo(100 * (0.9375 / Math.sqrt(0.6875 * 2.6875)), 9);
    expect(a?.discrimination).toBeCloseTo(68.97, 2);
    // Including the item: total = 3,1.5,.5,0 (mean 1.25): dT = 1.75,.25,-.75,-1.25
    // sxy = .65625+.09375+.09375+.78125 = 1.625; stt = 3.0625+.0625+.5625+1.5625 = 5.25
    expect(a?.discriminationIncluding).toBeCloseTo(100 * (1.625 / Math.sqrt(0.6875 * 5.25)), 9);
  });

  it("is n/a (null) when every student has the same score on the item", () => {
    const flat = itemStatistics({
      studentIds: ["s1", "s2", "s3"],
      items: [
        { id: "same", scores: scores({ s1: 1, s2: 1, s3: 1 }) },
        { id: "varies", scores: scores({ s1: 1, s2: 0 }) },
      ],
    });
    expect(flat[0]?.discrimination).toBeNull();
    expect(flat[0]?.meanScore).toBe(1);
    // The only other item for "varies" is constant, so its rest has no variance either.
    expect(flat[1]?.discrimination).toBeNull();
    expect(flat[1]?.discriminationIncluding).toBeCloseTo(100, 9);
  });

  it("handles a class without students", () => {
    expect(itemStatistics({ studentIds: [], items })[0]).toMatchObject({
      meanScore: null,
      discrimination: null,
      attempted: 0,
    });
  });
});

describe("discrimination", () => {
  it("works on quiz-style pairs (item score vs the rest of the attempt)", () => {
    // item 1,0,1,0 vs rest 3,1,2,2 → dI = .5,-.5,.5,-.5; dR = 1,-1,0,0 → sxy = 1, sxx = 1, syy = 2 → r = 1/√2
    const d = discrimination([
      { item: 1, rest: 3 },
      { item: 0, rest: 1 },
      { item: 1, rest: 2 },
      { item: 0, rest: 2 },
    ]);
    expect(d.discrimination).toBeCloseTo(100 / Math.SQRT2, 9);
  });
});

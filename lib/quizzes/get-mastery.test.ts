import { describe, expect, it } from "vitest";
import { CONCEPT_IDS } from "../../exercises/quizzes/concepts.ts";
import { masteryFrom, masteryLevel, MIN_EVIDENCE, RECENT_WINDOW } from "./get-mastery.ts";

describe("mastery", () => {
  it("grades levels from the recent mean and the number of answers", () => {
    expect(masteryLevel(null, 0)).toBe("not-started");
    // Fewer than MIN_EVIDENCE answers: no level yet, however they went.
    expect(masteryLevel(1, 1)).toBe("too-early");
    expect(masteryLevel(0, 2)).toBe("too-early");
    expect(masteryLevel(0.85, 3)).toBe("solid");
    expect(masteryLevel(0.5, 4)).toBe("developing");
    expect(masteryLevel(0.2, 4)).toBe("needs-practice");
  });

  it("counts only the latest answers per concept, so fixed mistakes stop weighing", () => {
    const newestFirst = [
      ...Array(RECENT_WINDOW).fill({ concepts: ["atomics"], score: 1 }),
      ...Array(10).fill({ concepts: ["atomics"], score: 0 }),
    ];
    const atomics = masteryFrom(newestFirst).find((m) => m.concept === "atomics");
    expect(atomics).toMatchObject({ answered: RECENT_WINDOW + 10, recent: 1, level: "solid" });
  });

  it("lists every concept, weakest first, with the exercises that train it", () => {
    const three = (concept: string, score: number) =>
      Array.from({ length: MIN_EVIDENCE }, () => ({ concepts: [concept], score }));
    const mastery = masteryFrom([...three("rayon", 0), ...three("channels", 1), { concepts: ["atomics"], score: 0 }]);
    expect(mastery[0]).toMatchObject({ concept: "rayon", level: "needs-practice" });
    expect(mastery.at(-1)).toMatchObject({ concept: "channels", level: "solid" });
    expect(mastery.find((m) => m.concept === "atomics")).toMatchObject({ level: "too-early", answered: 1 });
    expect(mastery.find((m) => m.concept === "rayon")?.exercises).toContain("rust/rayon-sum");
    expect(mastery).toHaveLength(CONCEPT_IDS.length);
  });
});

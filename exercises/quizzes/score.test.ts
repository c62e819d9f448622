import { describe, expect, it } from "vitest";
import { QuizItem } from "./schema.ts";
import { scoreItem } from "./score.ts";

const base = { itemId: "demo", variantId: "v", concepts: ["atomics"], exercises: [], prompt: "A demo question?" };
const why = "because of a reason";
const single = QuizItem.parse({
  ...base,
  type: "single",
  options: [
    { id: "a", text: "right", correct: true, explanation: why },
    { id: "b", text: "wrong", correct: false, explanation: why },
  ],
});
const multi = QuizItem.parse({
  ...base,
  type: "multi",
  options: ["x", "y", "z", "w"].map((text, i) => ({ id: "abcd"[i], text, correct: i < 2, explanation: why })),
});
const order = QuizItem.parse({
  ...base,
  type: "order",
  lines: [
    { id: "l2", text: "first", explanation: why },
    { id: "l0", text: "second", explanation: why },
    { id: "l1", text: "third", explanation: why },
  ],
});
const numeric = QuizItem.parse({
  ...base,
  type: "numeric",
  numeric: {
    answer: 300,
    tolerance: 30,
    unit: "ms",
    explanation: why,
    misconceptions: [{ value: 100, explanation: why }],
  },
});

describe("scoreItem", () => {
  it("single choice: exactly the right option", () => {
    expect(scoreItem(single, { kind: "choice", optionIds: ["a"] })).toEqual({ score: 1, correct: true });
    expect(scoreItem(single, { kind: "choice", optionIds: ["b"] })).toEqual({ score: 0, correct: false });
    expect(scoreItem(single, { kind: "choice", optionIds: ["a", "b"] }).correct).toBe(false);
    expect(scoreItem(single, undefined)).toEqual({ score: 0, correct: false });
  });

  it("multiple choice: full marks only for the exact set, else (right − wrong picks) ÷ right options, floored at 0", () => {
    expect(scoreItem(multi, { kind: "choice", optionIds: ["b", "a"] })).toEqual({ score: 1, correct: true });
    expect(scoreItem(multi, { kind: "choice", optionIds: ["a"] })).toMatchObject({
      score: 0.5,
      correct: false,
      hits: 1,
      falsePicks: 0,
      of: 2,
    });
    expect(scoreItem(multi, { kind: "choice", optionIds: ["a", "c"] })).toMatchObject({ score: 0, correct: false });
    expect(scoreItem(multi, { kind: "choice", optionIds: ["a", "b", "c"] })).toMatchObject({
      score: 0.5,
      correct: false,
    });
    expect(scoreItem(multi, { kind: "choice", optionIds: ["a", "b", "c", "d"] }).score).toBe(0);
  });

  it("possible outcomes: scored like multiple choice over the possible ones", () => {
    const possible = QuizItem.parse({
      ...base,
      type: "possible",
      options: ["x = 1", "x = 2", "x = 3", "x = 4"].map((text, i) => ({
        id: "abcd"[i],
        text,
        correct: i < 3,
        explanation: why,
      })),
    });
    expect(scoreItem(possible, { kind: "choice", optionIds: ["a", "b", "c"] })).toEqual({ score: 1, correct: true });
    expect(scoreItem(possible, { kind: "choice", optionIds: ["a", "b", "d"] })).toMatchObject({
      score: 0.333,
      correct: false,
    });
    expect(scoreItem(possible, { kind: "choice", optionIds: ["d"] })).toMatchObject({ score: 0, correct: false });
  });

  it("ordering: exact order is correct; otherwise the share of pairs in the right relative order", () => {
    expect(scoreItem(order, { kind: "order", lineIds: ["l2", "l0", "l1"] })).toEqual({ score: 1, correct: true });
    expect(scoreItem(order, { kind: "order", lineIds: ["l1", "l0", "l2"] })).toMatchObject({
      score: 0,
      correct: false,
    });
    expect(scoreItem(order, { kind: "order", lineIds: ["l0", "l2", "l1"] })).toMatchObject({
      score: 0.667,
      correct: false,
      kept: 2,
      pairs: 3,
    });
    expect(scoreItem(order, { kind: "order", lineIds: ["l2", "l2", "l1"] })).toEqual({ score: 0, correct: false });
  });

  it("partial order: any order that keeps every edge is right; otherwise the share of implied pairs kept", () => {
    // start → a1 → a2, start → b1: start first, a1 before a2, b1 anywhere after start.
    const dag = QuizItem.parse({
      ...base,
      type: "dag-order",
      lines: [
        { id: "l3", text: "start", explanation: why },
        { id: "l1", text: "a1", explanation: why },
        { id: "l0", text: "a2", explanation: why },
        { id: "l2", text: "b1", explanation: why },
      ],
      edges: [
        ["l3", "l1"],
        ["l1", "l0"],
        ["l3", "l2"],
      ],
    });
    for (const right of [
      ["l3", "l1", "l0", "l2"],
      ["l3", "l2", "l1", "l0"],
      ["l3", "l1", "l2", "l0"],
    ]) {
      expect(scoreItem(dag, { kind: "order", lineIds: right })).toEqual({ score: 1, correct: true });
    }
    // Implied pairs: start<a1, start<a2, start<b1, a1<a2. a2 before a1 keeps 3 of 4.
    expect(scoreItem(dag, { kind: "order", lineIds: ["l3", "l0", "l1", "l2"] })).toMatchObject({
      score: 0.75,
      correct: false,
      kept: 3,
      pairs: 4,
    });
    expect(scoreItem(dag, { kind: "order", lineIds: ["l0", "l1", "l2", "l3"] })).toMatchObject({
      score: 0,
      correct: false,
    });
  });

  it("a partial-order item must have a real choice: a chain, a cycle or an already-right shown order is refused", () => {
    const lines = [
      { id: "l1", text: "a", explanation: why },
      { id: "l0", text: "b", explanation: why },
      { id: "l2", text: "c", explanation: why },
    ];
    expect(QuizItem.safeParse({ ...base, type: "dag-order", lines, edges: [["l1", "l0"]] }).success).toBe(true);
    expect(
      QuizItem.safeParse({
        ...base,
        type: "dag-order",
        lines,
        edges: [
          ["l1", "l0"],
          ["l0", "l2"],
        ],
      }).success,
    ).toBe(false);
    expect(QuizItem.safeParse({ ...base, type: "dag-order", lines, edges: [["l0", "l1"]] }).success).toBe(false);
    expect(QuizItem.safeParse({ ...base, type: "dag-order", lines, edges: [["l2", "l0"]] }).success).toBe(false);
  });

  it("numeric: within the tolerance counts; a known misconception is named", () => {
    expect(scoreItem(numeric, { kind: "numeric", value: 329 }).correct).toBe(true);
    expect(scoreItem(numeric, { kind: "numeric", value: 331 }).correct).toBe(false);
    expect(scoreItem(numeric, { kind: "numeric", value: 95 })).toEqual({ score: 0, correct: false, misconception: 0 });
  });

  it("an answer of the wrong kind or naming unknown options scores 0", () => {
    expect(scoreItem(numeric, { kind: "choice", optionIds: ["a"] }).score).toBe(0);
    expect(scoreItem(single, { kind: "choice", optionIds: ["h"] }).score).toBe(0);
  });

  it("gives full credit for either right option of an either-works single-choice item, none for two picks", () => {
    const either = QuizItem.parse({
      ...base,
      type: "single",
      options: [
        { id: "a", text: "p", correct: true, explanation: why },
        { id: "b", text: "q", correct: true, explanation: why },
        { id: "c", text: "r", correct: false, explanation: why },
      ],
    });
    expect(scoreItem(either, { kind: "choice", optionIds: ["a"] })).toMatchObject({ score: 1, correct: true });
    expect(scoreItem(either, { kind: "choice", optionIds: ["b"] })).toMatchObject({ score: 1, correct: true });
    expect(scoreItem(either, { kind: "choice", optionIds: ["a", "b"] }).correct).toBe(false);
    expect(scoreItem(either, { kind: "choice", optionIds: ["c"] }).correct).toBe(false);
  });

  it("the schema rejects inconsistent keys", () => {
    const noneRight = {
      ...base,
      type: "single",
      options: [
        { id: "a", text: "p", correct: false, explanation: why },
        { id: "b", text: "q", correct: false, explanation: why },
      ],
    };
    expect(QuizItem.safeParse(noneRight).success).toBe(false);
    const twoRightCompile = {
      ...base,
      type: "race-line",
      options: [
        { id: "a", text: "p", correct: true, explanation: why, line: 1 },
        { id: "b", text: "q", correct: true, explanation: why, line: 1 },
      ],
    };
    expect(QuizItem.safeParse(twoRightCompile).success).toBe(false);
    const closeMisconception = {
      ...base,
      type: "numeric",
      numeric: {
        answer: 100,
        tolerance: 10,
        unit: "ms",
        explanation: why,
        misconceptions: [{ value: 105, explanation: why }],
      },
    };
    expect(QuizItem.safeParse(closeMisconception).success).toBe(false);
  });
});

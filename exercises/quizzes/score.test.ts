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
  numeric: { answer: 300, tolerance: 30, unit: "ms", explanation: why, misconceptions: [{ value: 100, explanation: why }] },
});

describe("scoreItem", () => {
  it("single choice: exactly the right option", () => {
    expect(scoreItem(single, { kind: "choice", optionIds: ["a"] })).toEqual({ score: 1, correct: true });
    expect(scoreItem(single, { kind: "choice", optionIds: ["b"] })).toEqual({ score: 0, correct: false });
    expect(scoreItem(single, { kind: "choice", optionIds: ["a", "b"] }).correct).toBe(false);
    expect(scoreItem(single, undefined)).toEqual({ score: 0, correct: false });
  });

  it("multiple choice: full marks only for the exact set, partial credit minus false picks", () => {
    expect(scoreItem(multi, { kind: "choice", optionIds: ["b", "a"] })).toEqual({ score: 1, correct: true });
    expect(scoreItem(multi, { kind: "choice", optionIds: ["a"] })).toEqual({ score: 0.25, correct: false });
    expect(scoreItem(multi, { kind: "choice", optionIds: ["a", "c"] })).toEqual({ score: 0, correct: false });
    expect(scoreItem(multi, { kind: "choice", optionIds: ["a", "b", "c", "d"] }).score).toBe(0);
  });

  it("ordering: exact order is correct; otherwise credit for pairs in the right relative order", () => {
    expect(scoreItem(order, { kind: "order", lineIds: ["l2", "l0", "l1"] })).toEqual({ score: 1, correct: true });
    expect(scoreItem(order, { kind: "order", lineIds: ["l1", "l0", "l2"] })).toEqual({ score: 0, correct: false });
    expect(scoreItem(order, { kind: "order", lineIds: ["l0", "l2", "l1"] })).toEqual({ score: 0.333, correct: false });
    expect(scoreItem(order, { kind: "order", lineIds: ["l2", "l2", "l1"] })).toEqual({ score: 0, correct: false });
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
    const either = QuizItem.parse({ ...base, type: "single", options: [{ id: "a", text: "p", correct: true, explanation: why }, { id: "b", text: "q", correct: true, explanation: why }, { id: "c", text: "r", correct: false, explanation: why }] });
    expect(scoreItem(either, { kind: "choice", optionIds: ["a"] })).toMatchObject({ score: 1, correct: true });
    expect(scoreItem(either, { kind: "choice", optionIds: ["b"] })).toMatchObject({ score: 1, correct: true });
    expect(scoreItem(either, { kind: "choice", optionIds: ["a", "b"] }).correct).toBe(false);
    expect(scoreItem(either, { kind: "choice", optionIds: ["c"] }).correct).toBe(false);
  });

  it("the schema rejects inconsistent keys", () => {
    const noneRight = { ...base, type: "single", options: [{ id: "a", text: "p", correct: false, explanation: why }, { id: "b", text: "q", correct: false, explanation: why }] };
    expect(QuizItem.safeParse(noneRight).success).toBe(false);
    const twoRightCompile = { ...base, type: "race-line", options: [{ id: "a", text: "p", correct: true, explanation: why, line: 1 }, { id: "b", text: "q", correct: true, explanation: why, line: 1 }] };
    expect(QuizItem.safeParse(twoRightCompile).success).toBe(false);
    const closeMisconception = { ...base, type: "numeric", numeric: { answer: 100, tolerance: 10, unit: "ms", explanation: why, misconceptions: [{ value: 105, explanation: why }] } };
    expect(QuizItem.safeParse(closeMisconception).success).toBe(false);
  });
});

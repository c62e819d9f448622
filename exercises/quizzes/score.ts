// Scoring one answer against one generated item. Pure: the server scores attempts with it and the
// self-checks prove that each item's own key scores full marks.
import { z } from "zod";
import type { QuizItem } from "./schema.ts";

export const ItemAnswer = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choice"), optionIds: z.array(z.string().regex(/^[a-h]$/)).max(8) }).strict(),
  z.object({ kind: z.literal("order"), lineIds: z.array(z.string().regex(/^l\d$/)).max(8) }).strict(),
  z.object({ kind: z.literal("numeric"), value: z.number().finite() }).strict(),
]);
export type ItemAnswer = z.infer<typeof ItemAnswer>;

export type ItemScore = {
  /** 0..1; partial credit for multiple choice and ordering. */
  score: number;
  correct: boolean;
  /** numeric items: the misconception the answer matched, if any. */
  misconception?: number;
};

const WRONG: ItemScore = { score: 0, correct: false };

export function scoreItem(item: QuizItem, answer: ItemAnswer | undefined): ItemScore {
  if (!answer) return WRONG;
  if (item.type === "numeric") {
    if (answer.kind !== "numeric") return WRONG;
    const { answer: key, tolerance, misconceptions } = item.numeric;
    if (Math.abs(answer.value - key) <= tolerance) return { score: 1, correct: true };
    const hit = misconceptions.findIndex((m) => Math.abs(m.value - answer.value) <= tolerance);
    return hit >= 0 ? { ...WRONG, misconception: hit } : WRONG;
  }
  if (item.type === "order") {
    if (answer.kind !== "order") return WRONG;
    const key = item.lines.map((l) => l.id);
    const given = answer.lineIds;
    if (given.length !== key.length || new Set(given).size !== key.length || !given.every((id) => key.includes(id))) return WRONG;
    if (given.every((id, i) => id === key[i])) return { score: 1, correct: true };
    // Partial credit: the share of line pairs the student put in the right relative order.
    const rank = new Map(given.map((id, i) => [id, i]));
    let agree = 0;
    let pairs = 0;
    for (let i = 0; i < key.length; i += 1) {
      for (let j = i + 1; j < key.length; j += 1) {
        pairs += 1;
        if ((rank.get(key[i] ?? "") ?? 0) < (rank.get(key[j] ?? "") ?? 0)) agree += 1;
      }
    }
    return { score: round(agree / pairs / 2), correct: false };
  }
  if (answer.kind !== "choice") return WRONG;
  const chosen = new Set(answer.optionIds);
  if ([...chosen].some((id) => !item.options.some((o) => o.id === id))) return WRONG;
  const correctIds = item.options.filter((o) => o.correct).map((o) => o.id);
  if (item.type !== "multi") {
    const ok = chosen.size === 1 && correctIds.some((id) => chosen.has(id));
    return ok ? { score: 1, correct: true } : WRONG;
  }
  const hits = correctIds.filter((id) => chosen.has(id)).length;
  const falsePicks = chosen.size - hits;
  if (hits === correctIds.length && falsePicks === 0) return { score: 1, correct: true };
  return { score: round(Math.max(0, (hits - falsePicks) / correctIds.length) * 0.5), correct: false };
}

/** The answer the key itself gives (used by the self-checks and tests). */
export function keyAnswer(item: QuizItem): ItemAnswer {
  if (item.type === "numeric") return { kind: "numeric", value: item.numeric.answer };
  if (item.type === "order") return { kind: "order", lineIds: item.lines.map((l) => l.id) };
  const correct = item.options.filter((o) => o.correct).map((o) => o.id);
  // One pick answers a single-choice item, even one with several right options.
  return { kind: "choice", optionIds: item.type === "multi" ? correct : correct.slice(0, 1) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

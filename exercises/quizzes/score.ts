// Scoring one answer against one generated item. Pure: the server scores attempts with it and the
// self-checks prove that each item's own key scores full marks.
import { z } from "zod";
import { closureOf, type QuizItem } from "./schema.ts";

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
  /** Ordering: the pairs the program fixes (`pairs`) and how many of them the answer kept. */
  kept?: number;
  pairs?: number;
  /** Multi-select: right and wrong picks, out of `of` right options. */
  hits?: number;
  falsePicks?: number;
  of?: number;
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
  if (item.type === "order" || item.type === "dag-order") {
    if (answer.kind !== "order") return WRONG;
    const ids = item.lines.map((l) => l.id);
    const given = answer.lineIds;
    if (given.length !== ids.length || new Set(given).size !== ids.length || !given.every((id) => ids.includes(id)))
      return WRONG;
    // The pairs whose order the program fixes: for an order item every pair (a total order), for
    // a partial-order item the pairs its edges imply. Credit is the share the answer keeps.
    const pairs = orderedPairs(item);
    const rank = new Map(given.map((id, i) => [id, i]));
    const kept = pairs.filter(([a, b]) => (rank.get(a) ?? 0) < (rank.get(b) ?? 0)).length;
    if (kept === pairs.length) return { score: 1, correct: true };
    return { score: round(kept / pairs.length), correct: false, kept, pairs: pairs.length };
  }
  if (answer.kind !== "choice") return WRONG;
  const chosen = new Set(answer.optionIds);
  if ([...chosen].some((id) => !item.options.some((o) => o.id === id))) return WRONG;
  const correctIds = item.options.filter((o) => o.correct).map((o) => o.id);
  if (item.type !== "multi" && item.type !== "possible") {
    const ok = chosen.size === 1 && correctIds.some((id) => chosen.has(id));
    return ok ? { score: 1, correct: true } : WRONG;
  }
  // Multi-select: (right picks − wrong picks) ÷ right options, never below 0.
  const hits = correctIds.filter((id) => chosen.has(id)).length;
  const falsePicks = chosen.size - hits;
  if (hits === correctIds.length && falsePicks === 0) return { score: 1, correct: true };
  return {
    score: round(Math.max(0, (hits - falsePicks) / correctIds.length)),
    correct: false,
    hits,
    falsePicks,
    of: correctIds.length,
  };
}

/** The answer the key itself gives (used by the self-checks and tests). */
export function keyAnswer(item: QuizItem): ItemAnswer {
  if (item.type === "numeric") return { kind: "numeric", value: item.numeric.answer };
  if (item.type === "order" || item.type === "dag-order")
    return { kind: "order", lineIds: item.lines.map((l) => l.id) };
  const correct = item.options.filter((o) => o.correct).map((o) => o.id);
  // One pick answers a single-choice item, even one with several right options.
  return {
    kind: "choice",
    optionIds: item.type === "multi" || item.type === "possible" ? correct : correct.slice(0, 1),
  };
}

/** The (before, after) line-id pairs an ordering answer is scored on. */
export function orderedPairs(item: Extract<QuizItem, { type: "order" | "dag-order" }>): [string, string][] {
  const ids = item.lines.map((l) => l.id);
  if (item.type === "dag-order") return closureOf(ids, item.edges);
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b): [string, string] => [a, b]));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

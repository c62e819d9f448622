// The quiz bank's health, for the admin page: per item, over every submitted attempt, how hard it
// is, whether it discriminates, and whether its variants are equally hard. An item is flagged
// once it has at least MIN_ATTEMPTS answers and
// - its discrimination is negative: students who did well on the rest of the attempt did worse
//   on this item (a wrong key, a misleading prompt or a trick question), or
// - its variants differ in difficulty by more than MAX_VARIANT_GAP points of mean score (a
//   student's grade depends on the variant drawn, not on what they know).
// Discrimination is the corrected item-total correlation (lib/analytics/item-statistics.ts): the
// item's score against the same attempt's score on its OTHER items, × 100.
import { mean } from "./statistics.ts";
import { discrimination } from "./item-statistics.ts";

export const MIN_ATTEMPTS = 30;
export const MAX_VARIANT_GAP = 20;

export type ResultRow = { attemptId: string; itemId: string; variantId: string; score: number };

export type VariantFigure = { variantId: string; answers: number; meanScore: number };

export type ItemReport = {
  itemId: string;
  answers: number;
  /** Mean score × 100. */
  meanScore: number;
  /** 100 × r(item, rest of the attempt); null without variance. */
  discrimination: number | null;
  variants: VariantFigure[];
  /** Largest minus smallest variant mean (points), over variants with at least 5 answers; null with fewer than two such. */
  variantGap: number | null;
  /** Empty when fine or when there are fewer than MIN_ATTEMPTS answers (see `judged`). */
  flags: ("negative-discrimination" | "variant-gap")[];
  judged: boolean;
};

/** Variants with fewer answers say nothing about their difficulty. */
const MIN_VARIANT_ANSWERS = 5;

export function itemReport(rows: readonly ResultRow[]): ItemReport[] {
  const attemptTotals = new Map<string, number>();
  for (const r of rows) attemptTotals.set(r.attemptId, (attemptTotals.get(r.attemptId) ?? 0) + r.score);
  const byItem = new Map<string, ResultRow[]>();
  for (const r of rows) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  const reports = [...byItem.entries()].map(([itemId, answers]): ItemReport => {
    const pairs = answers.map((r) => ({ item: r.score, rest: (attemptTotals.get(r.attemptId) ?? 0) - r.score }));
    const byVariant = new Map<string, number[]>();
    for (const r of answers) byVariant.set(r.variantId, [...(byVariant.get(r.variantId) ?? []), r.score]);
    const variants = [...byVariant.entries()]
      .map(([variantId, scores]) => ({ variantId, answers: scores.length, meanScore: 100 * (mean(scores) ?? 0) }))
      .sort((a, b) => a.variantId.localeCompare(b.variantId));
    const sized = variants.filter((v) => v.answers >= MIN_VARIANT_ANSWERS).map((v) => v.meanScore);
    const variantGap = sized.length >= 2 ? Math.max(...sized) - Math.min(...sized) : null;
    const d = discrimination(pairs).discrimination;
    const judged = answers.length >= MIN_ATTEMPTS;
    const flags: ItemReport["flags"] = [];
    if (judged && d !== null && d < 0) flags.push("negative-discrimination");
    if (judged && variantGap !== null && variantGap > MAX_VARIANT_GAP) flags.push("variant-gap");
    return {
      itemId,
      answers: answers.length,
      meanScore: 100 * (mean(answers.map((r) => r.score)) ?? 0),
      discrimination: d,
      variants,
      variantGap,
      flags,
      judged,
    };
  });
  // Flagged first, then by how much evidence there is.
  return reports.sort(
    (a, b) => b.flags.length - a.flags.length || b.answers - a.answers || a.itemId.localeCompare(b.itemId),
  );
}

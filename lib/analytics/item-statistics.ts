// Item statistics as PrairieLearn reports them for an assessment's questions, applied to a
// class: the "items" are the class's assignments (or a quiz's items) and a student's score on
// one is their best score there (0 when they never tried).
//
// Discrimination = 100 × Pearson r between the item score and the student's total over the
// OTHER items (the "corrected item-total correlation"). PrairieLearn correlates with the whole
// assessment score, which includes the item itself; with the handful of assignments a class
// has, that self-overlap inflates r a lot (with two items, an item that is pure noise still
// correlates ≈0.7 with a total it is half of). Both are computed: the pages show PrairieLearn's
// (discriminationIncluding) as the figure, and the corrected one on hover.
import { mean, pearson } from "./statistics.ts";

export type ItemScores = { id: string; scores: ReadonlyMap<string, number> };

export type ItemStatistic = {
  id: string;
  /** Students with a score on the item (an attempt), out of `students`. */
  attempted: number;
  students: number;
  /** Mean of the per-student scores in [0, 1], 0 for students without an attempt. */
  meanScore: number | null;
  /** 100 × r(item, total of the other items); null when either side has no variance. */
  discrimination: number | null;
  /** 100 × r(item, total including the item) — PrairieLearn's definition. */
  discriminationIncluding: number | null;
};

export type ScorePair = { item: number; rest: number };

/** Both discrimination indices of paired (item score, score on everything else) values. */
export function discrimination(
  pairs: readonly ScorePair[],
): Pick<ItemStatistic, "discrimination" | "discriminationIncluding"> {
  const items = pairs.map((p) => p.item);
  const corrected = pearson(
    items,
    pairs.map((p) => p.rest),
  );
  const including = pearson(
    items,
    pairs.map((p) => p.item + p.rest),
  );
  return {
    discrimination: corrected === null ? null : 100 * corrected,
    discriminationIncluding: including === null ? null : 100 * including,
  };
}

export function itemStatistics(options: {
  studentIds: readonly string[];
  items: readonly ItemScores[];
}): ItemStatistic[] {
  const { studentIds, items } = options;
  const totals = new Map(
    studentIds.map((id) => [id, items.reduce((sum, item) => sum + (item.scores.get(id) ?? 0), 0)]),
  );
  return items.map((item) => {
    const pairs = studentIds.map((id) => {
      const score = item.scores.get(id) ?? 0;
      return { item: score, rest: (totals.get(id) ?? 0) - score };
    });
    return {
      id: item.id,
      attempted: studentIds.filter((id) => item.scores.has(id)).length,
      students: studentIds.length,
      meanScore: mean(pairs.map((p) => p.item)),
      ...discrimination(pairs),
    };
  });
}

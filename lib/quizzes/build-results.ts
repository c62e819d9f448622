import type { QuizItem } from "../../exercises/quizzes/schema.ts";
import { type ItemAnswer, scoreItem } from "../../exercises/quizzes/score.ts";
import type { ItemResult } from "./schemas.ts";

/** Scores every position; a missing answer scores 0. */
export function buildResults(
  items: QuizItem[],
  answers: (ItemAnswer | null)[],
): { results: ItemResult[]; score: number } {
  const results = items.map((item, position) => {
    const answer = answers[position] ?? null;
    const scored = scoreItem(item, answer ?? undefined);
    return { position, item, answer, ...scored };
  });
  const score = Math.round(results.reduce((sum, r) => sum + r.score, 0) * 1000) / 1000;
  return { results, score };
}

import { toPublicItem } from "../../exercises/quizzes/public-item.ts";
import { db } from "../db.ts";
import { regenerateItems, requireQuiz } from "./draw-items.ts";
import { buildResults } from "./build-results.ts";
import { type AttemptView, DrawnItems, SubmittedAnswers } from "./schemas.ts";

/**
 * The viewer's attempt: questions only while it is open, results with keys and explanations once
 * submitted. Someone else's attempt is null, exactly like a missing one.
 */
export async function getAttempt(options: { userId: string; attemptId: string }): Promise<AttemptView | null> {
  const row = await db.quizAttempt.findFirst({ where: { id: options.attemptId, userId: options.userId } });
  if (!row) return null;
  const quiz = requireQuiz(row.quizId);
  const ref = { id: quiz.id, title: quiz.title, summary: quiz.summary };
  const items = regenerateItems(DrawnItems.parse(row.items));
  if (!row.submittedAt) {
    return {
      state: "open",
      id: row.id,
      quiz: ref,
      createdAt: row.createdAt.toISOString(),
      items: items.map((item, position) => ({ ...toPublicItem(item), position })),
    };
  }
  const { results, score } = buildResults(items, SubmittedAnswers.parse(row.answers ?? []));
  return {
    state: "submitted",
    id: row.id,
    quiz: ref,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt.toISOString(),
    score,
    maxScore: row.maxScore,
    results,
  };
}

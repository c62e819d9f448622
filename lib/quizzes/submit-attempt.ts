import { AppError } from "../errors.ts";
import { db } from "../db.ts";
import { buildResults } from "./build-results.ts";
import { regenerateItems } from "./draw-items.ts";
import { getAttempt } from "./get-attempt.ts";
import { DrawnItems, type SubmittedAttempt, type SubmitAnswersRequest } from "./schemas.ts";

/**
 * Scores the answers on the server against keys regenerated from the stored seeds, and stores the
 * attempt's answers and per-item results in one transaction. An attempt is submitted once.
 */
export async function submitAttempt(options: {
  userId: string;
  attemptId: string;
  answers: SubmitAnswersRequest["answers"];
}): Promise<SubmittedAttempt> {
  const { userId, attemptId } = options;
  const row = await db.quizAttempt.findFirst({ where: { id: attemptId, userId } });
  if (!row) throw new AppError("not_found", "Quiz attempt not found.");
  if (row.submittedAt)
    throw new AppError("conflict", "This attempt was already submitted. Start a new attempt to try again.");
  const items = regenerateItems(DrawnItems.parse(row.items));
  if (options.answers.length > items.length)
    throw new AppError("bad_request", `This attempt has ${items.length} questions.`);
  const { results, score } = buildResults(items, options.answers);

  await db.$transaction(async (tx) => {
    // The submittedAt guard makes two racing submissions store exactly one result.
    const updated = await tx.quizAttempt.updateMany({
      where: { id: attemptId, userId, submittedAt: null },
      data: { answers: options.answers, score, submittedAt: new Date() },
    });
    if (updated.count !== 1)
      throw new AppError("conflict", "This attempt was already submitted. Start a new attempt to try again.");
    await tx.quizItemResult.createMany({
      data: results.map((r) => ({
        attemptId,
        userId,
        position: r.position,
        itemId: r.item.itemId,
        variantId: r.item.variantId,
        concepts: r.item.concepts,
        score: r.score,
        correct: r.correct,
      })),
    });
  });
  const view = await getAttempt({ userId, attemptId });
  if (view?.state !== "submitted") throw new AppError("internal", "The submitted attempt could not be read back.");
  return view;
}

import { randomBytes } from "node:crypto";
import { db } from "../db.ts";
import { drawItems, requireQuiz } from "./draw-items.ts";

/** A new attempt with a fresh seed: a retake draws new variants and new parameters. */
export async function startAttempt(options: {
  userId: string;
  quizId: string;
  seed?: string;
}): Promise<{ attemptId: string }> {
  const quiz = requireQuiz(options.quizId);
  const seed = options.seed ?? randomBytes(12).toString("hex");
  const items = drawItems(quiz, seed);
  const row = await db.quizAttempt.create({
    data: { userId: options.userId, quizId: quiz.id, seed, items, maxScore: items.length },
    select: { id: true },
  });
  return { attemptId: row.id };
}

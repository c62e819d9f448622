// Shapes of quiz attempts: what the database stores (re-parsed on every read) and what the API
// accepts and returns. Before submission only PublicItem leaves the server; after it, the full
// item with its key and explanations.
import { z } from "zod";
import { PublicItem } from "../../exercises/quizzes/public-item.ts";
import { QuizItem } from "../../exercises/quizzes/schema.ts";
import { ItemAnswer } from "../../exercises/quizzes/score.ts";
import { QuizId } from "../http/schemas.ts";

export const MAX_ITEMS = 30;

/** What one position of an attempt drew: enough to regenerate the question and its key. */
export const DrawnItem = z.object({ itemId: z.string(), variantId: z.string(), seed: z.string() }).strict();
export type DrawnItem = z.infer<typeof DrawnItem>;
export const DrawnItems = z.array(DrawnItem).min(1).max(MAX_ITEMS);

/** One answer per position, null when the student skipped it. */
export const SubmittedAnswers = z.array(ItemAnswer.nullable()).max(MAX_ITEMS);
export const SubmitAnswersRequest = z.object({ answers: SubmittedAnswers }).strict();
export type SubmitAnswersRequest = z.infer<typeof SubmitAnswersRequest>;

export const QuizRef = z.object({ id: z.string(), title: z.string(), summary: z.string() });

export const OpenAttempt = z.object({
  state: z.literal("open"),
  id: z.string(),
  quiz: QuizRef,
  createdAt: z.string(),
  items: z.array(PublicItem.extend({ position: z.number().int() })),
});
export type OpenAttempt = z.infer<typeof OpenAttempt>;

export const ItemResult = z.object({
  position: z.number().int(),
  item: QuizItem,
  answer: ItemAnswer.nullable(),
  score: z.number(),
  correct: z.boolean(),
  misconception: z.number().int().optional(),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const SubmittedAttempt = z.object({
  state: z.literal("submitted"),
  id: z.string(),
  quiz: QuizRef,
  createdAt: z.string(),
  submittedAt: z.string(),
  score: z.number(),
  maxScore: z.number().int(),
  results: z.array(ItemResult),
});
export type SubmittedAttempt = z.infer<typeof SubmittedAttempt>;

export const AttemptView = z.discriminatedUnion("state", [OpenAttempt, SubmittedAttempt]);
export type AttemptView = z.infer<typeof AttemptView>;

export const StartAttemptRequest = z.object({ quizId: QuizId });
export const StartAttemptResponse = z.object({ attemptId: z.string() });
export const AttemptResponse = z.object({ attempt: AttemptView });
export const SubmitAttemptResponse = z.object({ attempt: SubmittedAttempt });

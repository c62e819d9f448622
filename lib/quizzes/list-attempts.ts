import { db } from "../db.ts";

export type AttemptSummary = {
  id: string;
  quizId: string;
  createdAt: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number;
};

/** The viewer's attempts, newest first (open ones included, so the page can offer to resume). */
export async function listAttempts(options: { userId: string; limit?: number }): Promise<AttemptSummary[]> {
  return db.quizAttempt.findMany({
    where: { userId: options.userId },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 100,
    select: { id: true, quizId: true, createdAt: true, submittedAt: true, score: true, maxScore: true },
  });
}

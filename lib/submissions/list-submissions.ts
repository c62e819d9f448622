import { db } from "../db.ts";
import { SubmissionListItem } from "./schemas.ts";

/** The user's submissions for one exercise, newest first, each with its latest run's verdict. */
export async function listSubmissions(options: {
  userId: string;
  trackSlug: string;
  limit?: number;
}): Promise<SubmissionListItem[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
  const rows = await db.submission.findMany({
    where: { userId: options.userId, exercise: { trackSlug: options.trackSlug } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      createdAt: true,
      gradingRuns: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { state: true, status: true, reason: true, score: true },
      },
    },
  });
  return rows.map((row) => {
    const run = row.gradingRuns[0];
    return SubmissionListItem.parse({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      state: run?.state ?? "queued",
      status: run?.status ?? null,
      reason: run?.reason ?? null,
      score: run?.score ?? null,
    });
  });
}

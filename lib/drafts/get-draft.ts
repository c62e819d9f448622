import { db } from "../db.ts";

/** The user's saved draft for an exercise (public id, e.g. "ts/shared-counter"), or null. */
export async function getDraft(options: {
  userId: string;
  trackSlug: string;
}): Promise<{ code: string; updatedAt: Date } | null> {
  return db.draft.findFirst({
    where: { userId: options.userId, exercise: { trackSlug: options.trackSlug } },
    select: { code: true, updatedAt: true },
  });
}

import { AppError } from "../errors.ts";
import { db } from "../db.ts";
import { checkCode } from "../submissions/code-rules.ts";

/** Saves (creates or replaces) the user's draft; code is checked like a submission's. */
export async function saveDraft(options: {
  userId: string;
  trackSlug: string;
  code: string;
}): Promise<{ updatedAt: Date }> {
  const code = checkCode(options.code);
  const exercise = await db.exercise.findUnique({
    where: { trackSlug: options.trackSlug },
    select: { id: true, archived: true },
  });
  if (!exercise || exercise.archived) throw new AppError("not_found", `There is no exercise "${options.trackSlug}".`);
  return db.draft.upsert({
    where: { userId_exerciseId: { userId: options.userId, exerciseId: exercise.id } },
    create: { userId: options.userId, exerciseId: exercise.id, code },
    update: { code, updatedAt: new Date() },
    select: { updatedAt: true },
  });
}

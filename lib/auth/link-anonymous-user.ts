// When a guest signs up or signs in, their work moves to the account before better-auth deletes
// the guest user (whose rows would otherwise go with it: every foreign key to users cascades).
// Called from the anonymous plugin's onLinkAccount hook. One transaction: either everything
// moves or nothing does (and the guest keeps it).
import { db } from "../db.ts";

export type LinkedCounts = {
  drafts: number;
  draftsDropped: number;
  submissions: number;
  quizAttempts: number;
  quizItemResults: number;
  classMemberships: number;
};

export async function linkAnonymousUser(options: { fromUserId: string; toUserId: string }): Promise<LinkedCounts> {
  const { fromUserId: from, toUserId: to } = options;
  if (from === to) throw new Error("linkAnonymousUser: the guest and the account are the same user");
  return db.$transaction(async (tx) => {
    // One draft per (user, exercise): where both have one, the more recently edited wins.
    const guestDrafts = await tx.draft.findMany({
      where: { userId: from },
      select: { id: true, exerciseId: true, updatedAt: true },
    });
    const accountDrafts = await tx.draft.findMany({
      where: { userId: to, exerciseId: { in: guestDrafts.map((d) => d.exerciseId) } },
      select: { id: true, exerciseId: true, updatedAt: true },
    });
    const losers: string[] = [];
    for (const mine of accountDrafts) {
      const guest = guestDrafts.find((d) => d.exerciseId === mine.exerciseId);
      if (!guest) continue;
      losers.push(guest.updatedAt > mine.updatedAt ? mine.id : guest.id);
    }
    if (losers.length > 0) await tx.draft.deleteMany({ where: { id: { in: losers } } });
    // Raw SQL so the move keeps each draft's updated_at (Prisma's @updatedAt would reset it).
    const drafts = await tx.$executeRaw`UPDATE drafts SET user_id = ${to} WHERE user_id = ${from}`;

    const submissions = await tx.submission.updateMany({ where: { userId: from }, data: { userId: to } });
    const quizAttempts = await tx.quizAttempt.updateMany({ where: { userId: from }, data: { userId: to } });
    const quizItemResults = await tx.quizItemResult.updateMany({ where: { userId: from }, data: { userId: to } });

    const memberships = await tx.classMember.findMany({
      where: { userId: from },
      select: { classId: true, joinedAt: true },
    });
    const joined = await tx.classMember.createMany({
      data: memberships.map((m) => ({ classId: m.classId, userId: to, joinedAt: m.joinedAt })),
      skipDuplicates: true,
    });
    await tx.classMember.deleteMany({ where: { userId: from } });

    return {
      drafts,
      draftsDropped: losers.length,
      submissions: submissions.count,
      quizAttempts: quizAttempts.count,
      quizItemResults: quizItemResults.count,
      classMemberships: joined.count,
    };
  });
}

// A signed-in student joins with a code. Joining twice is harmless (same membership back),
// so a double click or a reloaded join page never errors.
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { requireAccount } from "./class-access.ts";
import { JoinCode } from "./schemas.ts";

export async function joinClass(options: {
  viewer: Viewer | null;
  code: string;
}): Promise<{ classId: string; name: string; joinedAt: Date; alreadyMember: boolean }> {
  const account = requireAccount(options.viewer);
  const parsed = JoinCode.safeParse(options.code);
  if (!parsed.success) throw new AppError("not_found", "No class has that join code. Check it with your teacher.");
  const found = await db.class.findUnique({
    where: { joinCode: parsed.data },
    select: { id: true, name: true, ownerId: true, archived: true },
  });
  if (!found) throw new AppError("not_found", "No class has that join code. Check it with your teacher.");
  if (found.ownerId === account.id)
    throw new AppError("conflict", "You teach this class, so you cannot join it as a student.");

  const where = { classId_userId: { classId: found.id, userId: account.id } };
  const existing = await db.classMember.findUnique({ where });
  if (found.archived && !existing)
    throw new AppError("conflict", "This class is archived and no longer takes new students.");
  // upsert, not create: two tabs joining at once must not fail on the primary key.
  const member =
    existing ?? (await db.classMember.upsert({ where, create: { classId: found.id, userId: account.id }, update: {} }));
  return { classId: found.id, name: found.name, joinedAt: member.joinedAt, alreadyMember: existing !== null };
}

// A teacher removes a student from a class. Only the membership goes: the student's drafts,
// submissions and quiz attempts stay theirs.
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { getTaughtClass } from "./class-access.ts";

export async function removeStudent(options: {
  viewer: Viewer | null;
  classId: string;
  userId: string;
}): Promise<void> {
  const found = await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  const removed = await db.classMember.deleteMany({ where: { classId: found.id, userId: options.userId } });
  if (removed.count === 0) throw new AppError("not_found", "No such student in this class.");
}

// Take an assignment off a class. Students keep their work; only the class's view of it goes.
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { getTaughtClass, isUuid } from "./class-access.ts";

export async function removeAssignment(options: {
  viewer: Viewer | null;
  classId: string;
  assignmentId: string;
}): Promise<void> {
  const found = await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  if (!isUuid(options.assignmentId)) throw new AppError("not_found", "No such assignment.");
  const removed = await db.assignment.deleteMany({ where: { id: options.assignmentId, classId: found.id } });
  if (removed.count === 0) throw new AppError("not_found", "No such assignment.");
}

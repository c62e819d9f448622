// Change (or clear) an assignment's due date. The assignment must belong to a class the viewer
// teaches; one from another class answers like a missing one.
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { getTaughtClass, isUuid } from "./class-access.ts";

export async function updateAssignment(options: {
  viewer: Viewer | null;
  classId: string;
  assignmentId: string;
  dueAt: Date | null;
}): Promise<{ id: string; dueAt: Date | null }> {
  const found = await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  if (!isUuid(options.assignmentId)) throw new AppError("not_found", "No such assignment.");
  const updated = await db.assignment.updateMany({
    where: { id: options.assignmentId, classId: found.id },
    data: { dueAt: options.dueAt },
  });
  if (updated.count === 0) throw new AppError("not_found", "No such assignment.");
  return { id: options.assignmentId, dueAt: options.dueAt };
}

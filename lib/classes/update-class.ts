// Rename a class, or archive it (students can no longer join; it leaves their dashboards but
// nothing is deleted) and bring it back.
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { getTaughtClass } from "./class-access.ts";
import { UpdateClassRequest } from "./schemas.ts";

export async function updateClass(options: {
  viewer: Viewer | null;
  classId: string;
  changes: UpdateClassRequest;
}): Promise<{ id: string; name: string; archived: boolean }> {
  const found = await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  const changes = UpdateClassRequest.parse(options.changes);
  return db.class.update({
    where: { id: found.id },
    data: { name: changes.name, archived: changes.archived },
    select: { id: true, name: true, archived: true },
  });
}

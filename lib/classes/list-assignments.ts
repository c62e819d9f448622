// A class's assignments for its teacher, in the order they were set.
import type { Viewer } from "../auth/viewer.ts";
import { getTaughtClass } from "./class-access.ts";
import { loadAssignmentViews, type AssignmentView } from "./assignment-views.ts";

export async function listAssignments(options: { viewer: Viewer | null; classId: string }): Promise<AssignmentView[]> {
  const found = await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  return loadAssignmentViews({ classIds: [found.id] });
}

// What the join page shows before someone joins: the class name and its teacher, nothing else,
// plus how the viewer stands to it (so the page offers the right button).
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { JoinCode } from "./schemas.ts";

export type JoinableClass = {
  id: string;
  name: string;
  teacherName: string;
  archived: boolean;
  joinCode: string;
  /** "guest" for visitors without an account (anonymous included). */
  viewerIs: "guest" | "teacher" | "member" | "outsider";
};

/** null for malformed and unknown codes alike. */
export async function getClassByCode(options: { code: string; viewer: Viewer | null }): Promise<JoinableClass | null> {
  const parsed = JoinCode.safeParse(options.code);
  if (!parsed.success) return null;
  const found = await db.class.findUnique({
    where: { joinCode: parsed.data },
    select: { id: true, name: true, archived: true, joinCode: true, ownerId: true, owner: { select: { name: true } } },
  });
  if (!found) return null;
  const { viewer } = options;
  let viewerIs: JoinableClass["viewerIs"] = "guest";
  if (viewer && !viewer.isAnonymous) {
    if (found.ownerId === viewer.id) viewerIs = "teacher";
    else {
      const member = await db.classMember.findUnique({
        where: { classId_userId: { classId: found.id, userId: viewer.id } },
      });
      viewerIs = member ? "member" : "outsider";
    }
  }
  return {
    id: found.id,
    name: found.name,
    archived: found.archived,
    joinCode: found.joinCode,
    teacherName: found.owner.name,
    viewerIs,
  };
}

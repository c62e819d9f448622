// The classes a student belongs to (archived ones drop off the dashboard).
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { requireAccount } from "./class-access.ts";

export type JoinedClass = { id: string; name: string; teacherName: string; joinedAt: Date; assignments: number };

export async function listJoinedClasses(options: { viewer: Viewer | null }): Promise<JoinedClass[]> {
  const account = requireAccount(options.viewer);
  const rows = await db.classMember.findMany({
    where: { userId: account.id, class: { archived: false } },
    orderBy: { joinedAt: "desc" },
    select: {
      joinedAt: true,
      class: {
        select: { id: true, name: true, owner: { select: { name: true } }, _count: { select: { assignments: true } } },
      },
    },
  });
  return rows.map(({ joinedAt, class: c }) => ({
    id: c.id,
    name: c.name,
    teacherName: c.owner.name,
    joinedAt,
    assignments: c._count.assignments,
  }));
}

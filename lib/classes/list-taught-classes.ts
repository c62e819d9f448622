// The teacher's own classes, newest first, with the counts the /teach list shows.
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { requireTeacher } from "./class-access.ts";

export type TaughtClass = {
  id: string;
  name: string;
  joinCode: string;
  archived: boolean;
  createdAt: Date;
  students: number;
  assignments: number;
};

export async function listTaughtClasses(options: { viewer: Viewer | null }): Promise<TaughtClass[]> {
  const teacher = requireTeacher(options.viewer);
  const rows = await db.class.findMany({
    where: { ownerId: teacher.id },
    orderBy: [{ archived: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      joinCode: true,
      archived: true,
      createdAt: true,
      _count: { select: { members: true, assignments: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, students: _count.members, assignments: _count.assignments }));
}

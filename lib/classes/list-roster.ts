// The class's students with a one-line progress summary, from the gradebook's computation.
import type { Viewer } from "../auth/viewer.ts";
import { getGradebook } from "./get-gradebook.ts";

export type RosterEntry = {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  progress: { done: number; attempted: number; late: number; total: number };
};

export async function listRoster(options: {
  viewer: Viewer | null;
  classId: string;
  now?: Date;
}): Promise<RosterEntry[]> {
  const gradebook = await getGradebook(options);
  return gradebook.rows.map((row) => ({
    userId: row.userId,
    name: row.name,
    email: row.email,
    joinedAt: row.joinedAt,
    progress: {
      done: row.done,
      attempted: row.cells.filter((c) => c.status === "attempted").length,
      late: row.cells.filter((c) => c.late).length,
      total: row.cells.length,
    },
  }));
}

// A student's assignments across all their classes, with their own status only: the query is
// keyed by the viewer's id and never reads anyone else's work.
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { assignmentResult, NO_WORK, type AssignmentResult } from "./assignment-status.ts";
import { loadAssignmentViews, type AssignmentView } from "./assignment-views.ts";
import { requireAccount } from "./class-access.ts";
import { loadWork, workKey } from "./load-work.ts";

export type MyAssignment = AssignmentView & { className: string; result: AssignmentResult };

/** Due soonest first (late ones lead), then the ones with no due date in class order. */
export async function listMyAssignments(options: { viewer: Viewer | null; now?: Date }): Promise<MyAssignment[]> {
  const account = requireAccount(options.viewer);
  const now = options.now ?? new Date();
  const memberships = await db.classMember.findMany({
    where: { userId: account.id, class: { archived: false } },
    select: { class: { select: { id: true, name: true } } },
  });
  const classNames = new Map(memberships.map((m) => [m.class.id, m.class.name]));
  const assignments = (await loadAssignmentViews({ classIds: [...classNames.keys()] })).filter((a) => !a.retired);
  const work = await loadWork({
    userIds: [account.id],
    exerciseIds: assignments.filter((a) => a.kind === "exercise").map((a) => a.workRef),
    quizIds: assignments.filter((a) => a.kind === "quiz").map((a) => a.workRef),
  });
  const mine = assignments.map((a) => ({
    ...a,
    className: classNames.get(a.classId) ?? "",
    result: assignmentResult({
      kind: a.kind,
      dueAt: a.dueAt,
      work: work.get(workKey(account.id, a.workRef)) ?? NO_WORK,
      now,
    }),
  }));
  return mine.sort((a, b) => dueOrder(a.dueAt) - dueOrder(b.dueAt));
}

function dueOrder(dueAt: Date | null): number {
  return dueAt ? dueAt.getTime() : Number.MAX_SAFE_INTEGER;
}

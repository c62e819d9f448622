// Students × assignments for one class: best score, attempts, when it was done, late. The page,
// the CSV export and the roster's progress column all read this one computation.
import type { Viewer } from "../auth/viewer.ts";
import { db } from "../db.ts";
import { assignmentResult, NO_WORK, type AssignmentResult } from "./assignment-status.ts";
import { loadAssignmentViews, type AssignmentView } from "./assignment-views.ts";
import { getTaughtClass } from "./class-access.ts";
import { loadWork, workKey } from "./load-work.ts";

export type GradebookCell = AssignmentResult & { assignmentId: string };

export type GradebookRow = {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  cells: GradebookCell[];
  /** Sum of best scores (each 0..1), so a half-solved exercise counts half. */
  total: number;
  /** Exercises passed plus quizzes submitted. */
  done: number;
  /** Has attempts on some exercise it has not passed. */
  stuck: boolean;
};

export type Gradebook = {
  class: { id: string; name: string; archived: boolean; joinCode: string };
  assignments: AssignmentView[];
  rows: GradebookRow[];
  generatedAt: Date;
};

export async function getGradebook(options: {
  viewer: Viewer | null;
  classId: string;
  now?: Date;
}): Promise<Gradebook> {
  const found = await getTaughtClass({ viewer: options.viewer, classId: options.classId });
  const now = options.now ?? new Date();
  const [assignments, members] = await Promise.all([
    loadAssignmentViews({ classIds: [found.id] }),
    db.classMember.findMany({
      where: { classId: found.id },
      select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ user: { name: "asc" } }, { joinedAt: "asc" }],
    }),
  ]);
  const work = await loadWork({
    userIds: members.map((m) => m.user.id),
    exerciseIds: assignments.filter((a) => a.kind === "exercise").map((a) => a.workRef),
    quizIds: assignments.filter((a) => a.kind === "quiz").map((a) => a.workRef),
  });

  const rows = members.map(({ user, joinedAt }): GradebookRow => {
    const cells = assignments.map((a): GradebookCell => ({
      assignmentId: a.id,
      ...assignmentResult({
        kind: a.kind,
        dueAt: a.dueAt,
        work: work.get(workKey(user.id, a.workRef)) ?? NO_WORK,
        now,
      }),
    }));
    return {
      userId: user.id,
      name: user.name,
      email: user.email,
      joinedAt,
      cells,
      total: cells.reduce((sum, c) => sum + (c.best ?? 0), 0),
      done: cells.filter((c) => c.status === "passed" || c.status === "submitted").length,
      stuck: cells.some((c) => c.status === "attempted"),
    };
  });
  return {
    class: { id: found.id, name: found.name, archived: found.archived, joinCode: found.joinCode },
    assignments,
    rows,
    generatedAt: now,
  };
}

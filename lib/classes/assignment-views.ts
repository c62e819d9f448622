// Assignments as pages show them: the exercise or quiz they point at, with its title and link.
// A quiz is content (exercises/quizzes), not a row, so its title comes from the catalogue.
import { getQuiz } from "../../exercises/quizzes/catalog.ts";
import { db } from "../db.ts";
import type { AssignmentKind } from "./assignment-status.ts";

export type AssignmentView = {
  id: string;
  classId: string;
  kind: AssignmentKind;
  /** Public id: "ts/promise-all" or a quiz id such as "foundations". */
  ref: string;
  /** The key student work is stored under: the exercise uuid, or the quiz id. */
  workRef: string;
  title: string;
  href: string;
  dueAt: Date | null;
  /** The exercise was archived or the quiz removed from the content since it was assigned. */
  retired: boolean;
};

export async function loadAssignmentViews(options: { classIds: string[] }): Promise<AssignmentView[]> {
  if (options.classIds.length === 0) return [];
  const rows = await db.assignment.findMany({
    where: { classId: { in: options.classIds } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { exercise: { select: { id: true, trackSlug: true, title: true, archived: true } } },
  });
  const views: AssignmentView[] = [];
  for (const row of rows) {
    if (row.kind === "exercise" && row.exercise) {
      const { exercise } = row;
      views.push({
        id: row.id,
        classId: row.classId,
        kind: "exercise",
        ref: exercise.trackSlug,
        workRef: exercise.id,
        title: exercise.title,
        href: `/exercises/${exercise.trackSlug}`,
        dueAt: row.dueAt,
        retired: exercise.archived,
      });
    } else if (row.kind === "quiz" && row.quizId) {
      const quiz = getQuiz(row.quizId);
      views.push({
        id: row.id,
        classId: row.classId,
        kind: "quiz",
        ref: row.quizId,
        workRef: row.quizId,
        title: quiz?.title ?? row.quizId,
        href: "/quizzes",
        dueAt: row.dueAt,
        retired: !quiz,
      });
    }
  }
  return views;
}

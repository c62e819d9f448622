// The gradebook as plain JSON for the browser (dates as ISO strings), from lib's Gradebook.
import type { AssignmentStatus } from "@/lib/classes/assignment-status";
import type { Gradebook } from "@/lib/classes/get-gradebook";

export type GradebookCellData = {
  best: number | null;
  attempts: number;
  doneAt: string | null;
  late: boolean;
  status: AssignmentStatus;
};
export type GradebookData = {
  classId: string;
  assignments: { id: string; kind: "exercise" | "quiz"; ref: string; title: string; dueAt: string | null }[];
  rows: {
    userId: string;
    name: string;
    email: string;
    total: number;
    done: number;
    stuck: boolean;
    cells: GradebookCellData[];
  }[];
};

export function toGradebookData(book: Gradebook): GradebookData {
  return {
    classId: book.class.id,
    assignments: book.assignments.map((a) => ({
      id: a.id,
      kind: a.kind,
      ref: a.ref,
      title: a.title,
      dueAt: a.dueAt?.toISOString() ?? null,
    })),
    rows: book.rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      email: r.email,
      total: r.total,
      done: r.done,
      stuck: r.stuck,
      cells: r.cells.map((c) => ({
        best: c.best,
        attempts: c.attempts,
        doneAt: c.doneAt?.toISOString() ?? null,
        late: c.late,
        status: c.status,
      })),
    })),
  };
}

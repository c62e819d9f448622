import { ClipboardList } from "lucide-react";
import type { Metadata } from "next";
import { AddAssignmentForm, type AssignableOption } from "@/components/classes/add-assignment-form";
import { AssignmentRow } from "@/components/classes/assignment-row";
import { pageGradebook } from "@/components/classes/page-gate";
import { getQuizzes } from "@/exercises/quizzes/catalog";
import { listExercises } from "@/lib/exercises/list-exercises";

export const metadata: Metadata = { title: "Assignments" };

const TRACK_LABEL: Record<string, string> = { ts: "TypeScript exercises", rust: "Rust exercises" };

export default async function AssignmentsPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const gradebook = await pageGradebook(classId, "assignments");
  const exercises = await listExercises();
  const assigned = new Set(gradebook.assignments.map((a) => `${a.kind}:${a.ref}`));
  const options: AssignableOption[] = [
    ...exercises.map((e) => ({
      value: `exercise:${e.id}`,
      label: `${e.title} — ${e.id}`,
      group: TRACK_LABEL[e.track] ?? e.track,
    })),
    ...getQuizzes().map((q) => ({ value: `quiz:${q.id}`, label: q.title, group: "Quizzes" })),
  ].map((o) => ({ ...o, assigned: assigned.has(o.value) }));

  return (
    <div className="flex flex-col gap-8">
      <AddAssignmentForm classId={gradebook.class.id} options={options} />
      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading" className="text-xl font-semibold tracking-tight">
          Assigned <span className="text-muted">({gradebook.assignments.length})</span>
        </h2>
        {gradebook.assignments.length === 0 ? (
          <div className="mt-4 flex flex-col items-center rounded-xl border border-dashed border-border px-6 py-12 text-center">
            <ClipboardList className="size-9 text-muted" aria-hidden />
            <h3 className="mt-3 font-semibold">Nothing assigned yet</h3>
            <p className="mt-1 max-w-md text-sm text-muted">
              Choose an exercise or a quiz above. Students see it on their dashboard with its due date and their status.
            </p>
          </div>
        ) : (
          <ul className="mt-4 divide-y divide-border rounded-xl border border-border bg-surface shadow-xs">
            {gradebook.assignments.map((a, index) => (
              <AssignmentRow
                key={a.id}
                classId={gradebook.class.id}
                item={{
                  id: a.id,
                  kind: a.kind,
                  ref: a.ref,
                  title: a.title,
                  href: a.href,
                  dueAt: a.dueAt?.toISOString() ?? null,
                  retired: a.retired,
                  students: gradebook.rows.length,
                  done: gradebook.rows.filter((r) => ["passed", "submitted"].includes(r.cells[index]?.status ?? ""))
                    .length,
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

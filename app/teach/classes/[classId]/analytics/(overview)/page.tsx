import type { Metadata } from "next";
import { BarChart3 } from "lucide-react";
import { AssignmentTable } from "@/components/analytics/assignment-table";
import { EmptyState } from "@/components/analytics/empty-state";
import { QuizItemTable } from "@/components/analytics/quiz-item-table";
import { pageViewer, refusal } from "@/components/classes/page-gate";
import { getClassAnalytics, type ClassAnalytics } from "@/lib/analytics/get-class-analytics";

export const metadata: Metadata = { title: "Class analytics" };

type Params = { params: Promise<{ classId: string }> };

export default async function ClassAnalyticsPage({ params }: Params) {
  const { classId } = await params;
  let analytics: ClassAnalytics;
  try {
    analytics = await getClassAnalytics({ viewer: await pageViewer(), classId });
  } catch (error) {
    return refusal(error, `/teach/classes/${classId}/analytics`);
  }
  const quizTitles = new Map(analytics.assignments.filter((a) => a.kind === "quiz").map((a) => [a.ref, a.title]));

  return (
    <div className="flex flex-col gap-8">
      <header>
        <h2 className="text-xl font-semibold tracking-tight">Assignments</h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          Each assignment is scored by every student&apos;s best attempt (0 when they never tried), over the
          class&apos;s {analytics.students} student{analytics.students === 1 ? "" : "s"}. Open an exercise to see where
          its submissions went wrong, who is stuck, and to regrade it.
        </p>
      </header>
      {analytics.students === 0 && analytics.assignments.length > 0 ? (
        <p role="status" className="rounded-lg border border-border bg-info-soft px-3 py-2 text-sm text-info">
          No student has joined this class yet: share its join code, and the numbers fill in as they submit.
        </p>
      ) : null}
      {analytics.assignments.length === 0 ? (
        <EmptyState icon={BarChart3} title="No assignments yet">
          Add exercises or quizzes to this class; their statistics appear here once students submit.
        </EmptyState>
      ) : (
        <>
          <div className="flex flex-col gap-3">
            <AssignmentTable classId={classId} assignments={analytics.assignments} students={analytics.students} />
            <p className="text-xs leading-relaxed text-muted">
              Discrimination correlates an assignment with each student&apos;s total over all assignments, as
              PrairieLearn does for an exam&apos;s questions. With only a few assignments that total is partly the
              assignment itself, which inflates the figure; hover a value to see it against the <em>other</em>{" "}
              assignments only.
            </p>
          </div>
          {analytics.quizItems.map((quiz) => (
            <QuizItemTable key={quiz.quizId} quiz={quiz} title={quizTitles.get(quiz.quizId) ?? quiz.quizId} />
          ))}
        </>
      )}
    </div>
  );
}

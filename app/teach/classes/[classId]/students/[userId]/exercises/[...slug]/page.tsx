import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExternalLink, Inbox } from "lucide-react";
import { Breadcrumbs } from "@/components/analytics/breadcrumbs";
import { EmptyState } from "@/components/analytics/empty-state";
import { exercisePath } from "@/components/analytics/format";
import { pageParam, pageViewer, refusal } from "@/components/classes/page-gate";
import { AttemptCard } from "@/components/history/attempt-card";
import { listStudentAttempts, type StudentWork } from "@/lib/analytics/list-student-attempts";
import { getTaughtClass } from "@/lib/classes/class-access";
import { TrackSlug, UserId } from "@/lib/http/schemas";

export const metadata: Metadata = { title: "Student work" };

type Props = { params: Promise<{ classId: string; userId: string; slug: string[] }> };

export default async function StudentExercisePage({ params }: Props) {
  const { classId, userId: rawUserId, slug } = await params;
  const userId = pageParam(UserId, rawUserId);
  const trackSlug = pageParam(TrackSlug, slug);
  const viewer = await pageViewer();
  let loaded: [Awaited<ReturnType<typeof getTaughtClass>>, StudentWork | null];
  try {
    // The class first: a stranger is refused before anything about the student is looked up.
    const found = await getTaughtClass({ viewer, classId });
    loaded = [found, await listStudentAttempts({ viewer, classId, userId, trackSlug })];
  } catch (error) {
    return refusal(error, `/teach/classes/${classId}/students/${rawUserId}/exercises/${slug.join("/")}`);
  }
  const [taught, work] = loaded;
  if (!work) notFound();
  const { student, exercise, attempts, total } = work;
  const passedAt = [...attempts].reverse().find((a) => a.run?.result?.status === "pass");

  return (
    <div className="mx-auto w-full max-w-5xl px-4 pt-6 pb-20 sm:px-6">
      <Breadcrumbs
        items={[
          { href: "/teach", label: "Classes" },
          { href: `/teach/classes/${classId}`, label: taught.name },
          { href: `/teach/classes/${classId}/analytics/${exercisePath(exercise.trackSlug)}`, label: exercise.title },
          { href: `/teach/classes/${classId}/students/${encodeURIComponent(student.id)}`, label: student.name },
          { label: "Attempts" },
        ]}
      />
      <header className="mt-4 mb-6 flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm font-medium text-primary">{student.name}</p>
          <h1 className="mt-0.5 text-2xl font-semibold tracking-tight">{exercise.title}</h1>
          <p className="mt-1 text-sm text-muted">
            {student.email} · {total} attempt{total === 1 ? "" : "s"}
            {passedAt ? ` · first passed on attempt ${passedAt.number}` : total > 0 ? " · not passed yet" : ""}
          </p>
        </div>
        <Link
          href={`/exercises/${exercisePath(exercise.trackSlug)}`}
          className="inline-flex items-center gap-1.5 text-sm text-primary hover:underline"
        >
          Exercise statement <ExternalLink className="size-3.5" aria-hidden />
        </Link>
      </header>

      {attempts.length === 0 ? (
        <EmptyState icon={Inbox} title="No attempts yet">
          {student.name} has not submitted {exercise.title}.
        </EmptyState>
      ) : (
        <ol className="flex flex-col gap-5" aria-label="Attempts, newest first">
          {attempts.map((attempt, i) => (
            <li key={attempt.id}>
              <AttemptCard
                open={i === 0}
                attempt={attempt}
                previousNumber={attempt.diff ? (attempts[i + 1]?.number ?? attempt.number - 1) : null}
              />
            </li>
          ))}
        </ol>
      )}
      {total > attempts.length ? (
        <p className="mt-4 text-sm text-muted">
          Showing the newest {attempts.length} of {total} attempts.
        </p>
      ) : null}
    </div>
  );
}

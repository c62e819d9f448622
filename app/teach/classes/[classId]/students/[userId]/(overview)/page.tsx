import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowRight, CircleCheck, Inbox } from "lucide-react";
import { Breadcrumbs } from "@/components/analytics/breadcrumbs";
import { EmptyState } from "@/components/analytics/empty-state";
import { bucketLabel, exercisePath, formatDateTime } from "@/components/analytics/format";
import { pageParam, pageViewer, refusal } from "@/components/classes/page-gate";
import { bucketOf } from "@/lib/analytics/verdict-buckets";
import { listStudentExercises } from "@/lib/analytics/list-student-exercises";
import { getTaughtClass } from "@/lib/classes/class-access";
import { UserId } from "@/lib/http/schemas";

export const metadata: Metadata = { title: "Student" };

type Props = { params: Promise<{ classId: string; userId: string }> };

export default async function StudentPage({ params }: Props) {
  const { classId, userId: rawUserId } = await params;
  const userId = pageParam(UserId, rawUserId);
  const viewer = await pageViewer();
  let loaded: [Awaited<ReturnType<typeof getTaughtClass>>, Awaited<ReturnType<typeof listStudentExercises>>];
  try {
    const found = await getTaughtClass({ viewer, classId });
    loaded = [found, await listStudentExercises({ viewer, classId, userId })];
  } catch (error) {
    return refusal(error, `/teach/classes/${classId}/students/${rawUserId}`);
  }
  const [taught, data] = loaded;
  if (!data) notFound();
  const base = `/teach/classes/${classId}/students/${encodeURIComponent(userId)}/exercises`;

  return (
    <div className="mx-auto w-full max-w-5xl px-4 pt-6 pb-20 sm:px-6">
      <Breadcrumbs
        items={[
          { href: "/teach", label: "Classes" },
          { href: `/teach/classes/${classId}`, label: taught.name },
          { label: data.student.name },
        ]}
      />
      <header className="mt-4 mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">{data.student.name}</h1>
        <p className="mt-1 text-sm text-muted">
          {data.student.email} · {data.exercises.length} assigned exercise{data.exercises.length === 1 ? "" : "s"} tried
        </p>
      </header>
      {data.exercises.length === 0 ? (
        <EmptyState icon={Inbox} title="No submissions yet">
          {data.student.name} has not submitted any of this class&apos;s assigned exercises.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface">
          {data.exercises.map((row) => {
            const bucket = bucketOf({ ...row.last, diagnosticCode: null });
            return (
              <li key={row.trackSlug}>
                <Link
                  href={`${base}/${exercisePath(row.trackSlug)}`}
                  className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-surface-muted"
                >
                  <span className="min-w-0 flex-1">
                    <span className="font-medium">{row.title}</span>
                    <span className="ml-2 font-mono text-xs text-muted">{row.trackSlug}</span>
                  </span>
                  {row.passed ? (
                    <span className="inline-flex items-center gap-1 text-[13px] text-pass">
                      <CircleCheck className="size-4" aria-hidden /> passed
                    </span>
                  ) : null}
                  <span className="text-[13px] text-muted">
                    last: <span className="text-foreground">{bucketLabel(bucket)}</span> · {formatDateTime(row.lastAt)}
                  </span>
                  <span className="text-[13px] text-muted tabular-nums">
                    {row.attempts} attempt{row.attempts === 1 ? "" : "s"}
                  </span>
                  <ArrowRight className="size-4 text-muted" aria-hidden />
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

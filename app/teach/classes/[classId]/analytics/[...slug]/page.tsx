import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, History, Inbox } from "lucide-react";
import { BucketStudents } from "@/components/analytics/bucket-students";
import { EmptyState } from "@/components/analytics/empty-state";
import { bucketLabel, exercisePath, formatDateTime } from "@/components/analytics/format";
import { OutcomeStats } from "@/components/analytics/outcome-stats";
import { RegradeButton } from "@/components/analytics/regrade-button";
import { pageParam, pageViewer, refusal } from "@/components/classes/page-gate";
import { VerdictBars } from "@/components/analytics/verdict-bars";
import { getExerciseAnalytics, type ExerciseAnalytics } from "@/lib/analytics/get-exercise-analytics";
import { TrackSlug } from "@/lib/http/schemas";

export const metadata: Metadata = { title: "Exercise analytics" };

type Props = {
  params: Promise<{ classId: string; slug: string[] }>;
  searchParams: Promise<{ bucket?: string | string[] }>;
};

export default async function ExerciseAnalyticsPage({ params, searchParams }: Props) {
  const { classId, slug } = await params;
  const trackSlug = pageParam(TrackSlug, slug);
  const requested = (await searchParams).bucket;
  let analytics: ExerciseAnalytics | null;
  try {
    analytics = await getExerciseAnalytics({ viewer: await pageViewer(), classId, trackSlug });
  } catch (error) {
    return refusal(error, `/teach/classes/${classId}/analytics/${exercisePath(trackSlug)}`);
  }
  if (!analytics) notFound();
  const { outcome, exercise } = analytics;
  const base = `/teach/classes/${classId}/analytics/${exercisePath(exercise.trackSlug)}`;
  const selectedKey = typeof requested === "string" ? requested : null;
  const selected = outcome.buckets.find((b) => b.key === selectedKey) ?? null;

  return (
    <div>
      <Link
        href={`/teach/classes/${classId}/analytics`}
        className="inline-flex items-center gap-1 rounded-md text-sm text-muted hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden />
        All assignments
      </Link>
      <header className="mt-3 mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-xl font-semibold tracking-tight">{exercise.title}</h2>
          <p className="mt-1 text-sm text-muted">
            <span className="font-mono">{exercise.trackSlug}</span> · {outcome.submissions} submission
            {outcome.submissions === 1 ? "" : "s"} by {outcome.attempted} of {outcome.students} students
          </p>
          {analytics.latestRegrade ? (
            <Link
              href={`/teach/classes/${classId}/regrades/${analytics.latestRegrade.id}`}
              className="mt-1 inline-flex items-center gap-1.5 text-sm text-primary hover:underline"
            >
              <History className="size-4" aria-hidden />
              Last regrade {formatDateTime(analytics.latestRegrade.createdAt)} ({analytics.latestRegrade.total}{" "}
              submissions)
            </Link>
          ) : null}
        </div>
        <RegradeButton
          classId={classId}
          exerciseId={exercise.trackSlug}
          exerciseTitle={exercise.title}
          submissions={outcome.submissions}
        />
      </header>

      <OutcomeStats outcome={outcome} />

      {outcome.submissions === 0 ? (
        <div className="mt-8">
          <EmptyState icon={Inbox} title="No submissions yet">
            None of this class&apos;s students has submitted {exercise.title}. Verdicts appear here as soon as they do.
          </EmptyState>
        </div>
      ) : (
        <div className="mt-8 grid items-start gap-6 lg:grid-cols-[3fr_2fr]">
          <section aria-labelledby="verdicts-title" className="rounded-xl border border-border bg-surface p-3">
            <h2 id="verdicts-title" className="px-3 pt-1 pb-2 text-sm font-semibold">
              Verdicts <span className="font-normal text-muted">· latest result of each submission</span>
            </h2>
            <p className="px-3 pb-2 text-xs text-muted">
              A student is counted in every verdict they got. Choose one to see who.
            </p>
            <VerdictBars
              buckets={outcome.buckets}
              selected={selected?.key ?? null}
              hrefFor={(key) => `${base}?bucket=${encodeURIComponent(key)}#bucket-students`}
            />
          </section>
          {selected ? (
            <BucketStudents
              classId={classId}
              trackSlug={exercise.trackSlug}
              bucket={selected}
              label={bucketLabel(selected)}
              students={analytics.students}
            />
          ) : (
            <div className="flex items-center justify-center rounded-xl border border-dashed border-border px-6 py-10 text-center text-sm text-muted">
              Choose a verdict to see which students got it and open their work.
            </div>
          )}
        </div>
      )}
    </div>
  );
}

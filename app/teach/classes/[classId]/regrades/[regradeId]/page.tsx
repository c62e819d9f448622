import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowRight } from "lucide-react";
import { Breadcrumbs } from "@/components/analytics/breadcrumbs";
import { exercisePath, formatDateTime } from "@/components/analytics/format";
import { RegradeProgressView } from "@/components/analytics/regrade-progress";
import { pageViewer, refusal } from "@/components/classes/page-gate";
import { getTaughtClass } from "@/lib/classes/class-access";
import { getRegradeProgress } from "@/lib/regrade/get-regrade-progress";
import type { RegradeProgress } from "@/lib/regrade/schemas";

export const metadata: Metadata = { title: "Regrade" };

type Props = { params: Promise<{ classId: string; regradeId: string }> };

export default async function RegradePage({ params }: Props) {
  const { classId, regradeId } = await params;
  const viewer = await pageViewer();
  let loaded: [Awaited<ReturnType<typeof getTaughtClass>>, RegradeProgress | null];
  try {
    const found = await getTaughtClass({ viewer, classId });
    loaded = [found, await getRegradeProgress({ viewer, classId, regradeId })];
  } catch (error) {
    return refusal(error, `/teach/classes/${classId}/regrades/${regradeId}`);
  }
  const [taught, progress] = loaded;
  if (!progress) notFound();
  const analyticsHref = `/teach/classes/${classId}/analytics/${exercisePath(progress.exercise.trackSlug)}`;

  return (
    <div className="mx-auto w-full max-w-4xl px-4 pt-6 pb-20 sm:px-6">
      <Breadcrumbs
        items={[
          { href: "/teach", label: "Classes" },
          { href: `/teach/classes/${classId}`, label: taught.name },
          { href: analyticsHref, label: progress.exercise.title },
          { label: "Regrade" },
        ]}
      />
      <header className="mt-4 mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">Regrade of {progress.exercise.title}</h1>
        <p className="mt-1 text-sm text-muted">
          Started {formatDateTime(progress.createdAt)} by {progress.requestedBy} · {progress.total} submission
          {progress.total === 1 ? "" : "s"}. Earlier results are kept; every page shows each submission&apos;s newest
          result.
        </p>
      </header>
      <RegradeProgressView
        classId={classId}
        regradeId={progress.id}
        initial={{
          total: progress.total,
          queued: progress.queued,
          running: progress.running,
          done: progress.done,
          statuses: progress.statuses,
          finished: progress.finished,
        }}
      />
      <Link href={analyticsHref} className="mt-5 inline-flex items-center gap-1.5 text-sm text-primary hover:underline">
        Back to the exercise&apos;s verdicts <ArrowRight className="size-4" aria-hidden />
      </Link>
    </div>
  );
}

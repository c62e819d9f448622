"use client";

import { CircleAlert, CircleCheck, CircleX, LoaderCircle } from "lucide-react";
import { useEffect, useState } from "react";
import { apiFetch } from "@/components/api-client";
import { cn } from "@/components/ui/cn";
import { RegradeProgressResponse } from "@/lib/regrade/schemas";

export type ProgressSnapshot = Pick<
  RegradeProgressResponse,
  "total" | "queued" | "running" | "done" | "statuses" | "finished"
>;

const POLL_MS = 2000;

/** Live counts of a regrade: polls its endpoint until every run is done. */
export function RegradeProgressView({
  classId,
  regradeId,
  initial,
}: {
  classId: string;
  regradeId: string;
  initial: ProgressSnapshot;
}) {
  const [progress, setProgress] = useState(initial);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    if (progress.finished) return;
    const poll = async () => {
      try {
        setProgress(
          await apiFetch(`/api/classes/${classId}/regrades/${regradeId}`, { response: RegradeProgressResponse }),
        );
        setStale(false);
      } catch {
        setStale(true);
        // Try again on the next tick: a restarted dev server or a blip should not end the watch.
        setProgress((p) => ({ ...p }));
      }
    };
    const timer = setTimeout(() => void poll(), POLL_MS);
    return () => clearTimeout(timer);
  }, [classId, regradeId, progress]);

  const { total, done, queued, running, statuses } = progress;
  const pct = total === 0 ? 100 : Math.round((100 * done) / total);
  const items = [
    { label: "passed", value: statuses.pass, Icon: CircleCheck, className: "text-pass" },
    { label: "failed", value: statuses.fail, Icon: CircleX, className: "text-fail" },
    { label: "errors", value: statuses.error, Icon: CircleAlert, className: "text-error" },
  ];
  return (
    <section aria-labelledby="progress-title" className="rounded-xl border border-border bg-surface p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="progress-title" className="flex items-center gap-2 text-base font-semibold">
          {progress.finished ? (
            <CircleCheck className="size-5 text-pass" aria-hidden />
          ) : (
            <LoaderCircle className="size-5 animate-spin text-info" aria-hidden />
          )}
          {progress.finished ? "Regrade finished" : "Regrading…"}
        </h2>
        <p className="text-sm tabular-nums" aria-live="polite">
          <span className="font-semibold">{done}</span> of {total} graded ({pct}%)
        </p>
      </div>
      <div
        className="mt-3 h-2.5 overflow-hidden rounded-full bg-surface-muted"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label="Regraded submissions"
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-500",
            progress.finished ? "bg-pass" : "bg-primary",
          )}
          style={{ width: `${pct}%` }}
        />
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {items.map(({ label, value, Icon, className }) => (
          <div key={label} className="rounded-lg border border-border px-3 py-2">
            <dt className="flex items-center gap-1.5 text-xs text-muted">
              <Icon className={cn("size-3.5", className)} aria-hidden /> {label}
            </dt>
            <dd className="mt-0.5 text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
        <div className="rounded-lg border border-border px-3 py-2">
          <dt className="text-xs text-muted">grading now</dt>
          <dd className="mt-0.5 text-lg font-semibold tabular-nums">{running}</dd>
        </div>
        <div className="rounded-lg border border-border px-3 py-2">
          <dt className="text-xs text-muted">waiting</dt>
          <dd className="mt-0.5 text-lg font-semibold tabular-nums">{queued}</dd>
        </div>
      </dl>
      {stale ? (
        <p role="status" className="mt-3 text-[13px] text-error">
          Could not refresh the progress; retrying…
        </p>
      ) : null}
    </section>
  );
}

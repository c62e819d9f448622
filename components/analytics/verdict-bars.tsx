import { CircleAlert, CircleCheck, CircleX, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { BucketKind, VerdictBucket } from "@/lib/analytics/verdict-buckets";
import { bucketLabel } from "./format";

const KIND = {
  pass: { Icon: CircleCheck, bar: "bg-pass", text: "text-pass", word: "pass" },
  fail: { Icon: CircleX, bar: "bg-fail", text: "text-fail", word: "fail" },
  error: { Icon: CircleAlert, bar: "bg-error", text: "text-error", word: "error" },
  pending: { Icon: LoaderCircle, bar: "bg-muted", text: "text-muted", word: "grading" },
} satisfies Record<BucketKind, unknown>;

/**
 * Where the submissions ended up, one labelled bar per verdict. The label, icon and counts
 * say everything; the colour only repeats the verdict kind. Each row opens its students.
 */
export function VerdictBars({
  buckets,
  selected,
  hrefFor,
}: {
  buckets: VerdictBucket[];
  selected: string | null;
  hrefFor: (key: string) => string;
}) {
  const max = Math.max(1, ...buckets.map((b) => b.submissions));
  return (
    <ul className="flex flex-col gap-1" aria-label="Verdicts of the submissions">
      {buckets.map((bucket) => {
        const { Icon, bar, text, word } = KIND[bucket.kind];
        const active = selected === bucket.key;
        return (
          <li key={bucket.key}>
            <Link
              href={hrefFor(bucket.key)}
              scroll={false}
              aria-current={active ? "true" : undefined}
              className={cn(
                "group grid grid-cols-[minmax(11rem,16rem)_1fr_auto] items-center gap-3 rounded-lg px-3 py-2 transition-colors",
                "hover:bg-surface-muted",
                active && "bg-surface-muted ring-1 ring-border",
              )}
            >
              <span className="flex min-w-0 items-center gap-2 text-sm">
                <Icon className={cn("size-4 shrink-0", text)} aria-label={word} />
                <span className="truncate font-medium" title={bucketLabel(bucket)}>
                  {bucketLabel(bucket)}
                </span>
              </span>
              <span className="h-3 overflow-hidden rounded-full bg-surface-muted group-hover:bg-background" aria-hidden>
                <span
                  className={cn("block h-full rounded-full opacity-85", bar)}
                  style={{ width: `${(100 * bucket.submissions) / max}%` }}
                />
              </span>
              <span className="text-right text-[13px] whitespace-nowrap tabular-nums">
                <span className="font-semibold">{bucket.submissions}</span>
                <span className="text-muted"> submission{bucket.submissions === 1 ? "" : "s"} · </span>
                <span className="font-semibold">{bucket.students.length}</span>
                <span className="text-muted"> student{bucket.students.length === 1 ? "" : "s"}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

// Words and numbers of the analytics pages, shared by the tables and the bar list.
import type { Reason } from "@/grader/contract";
import { REASON_TEXT } from "@/components/results/reason-text";
import type { VerdictBucket } from "@/lib/analytics/verdict-buckets";

export function bucketLabel(bucket: Pick<VerdictBucket, "kind" | "reason" | "code">): string {
  if (bucket.kind === "pass") return "Passed";
  if (bucket.kind === "pending") return "Still grading";
  const title =
    bucket.reason && bucket.reason in REASON_TEXT
      ? REASON_TEXT[bucket.reason as Reason].title
      : (bucket.reason ?? "Unknown");
  return bucket.code ? `${title} · ${bucket.code}` : title;
}

export function percent(value: number | null, digits = 0): string {
  return value === null ? "—" : `${(value * 100).toFixed(digits)}%`;
}

export function share(part: number, whole: number): string {
  return whole === 0 ? "—" : `${Math.round((100 * part) / whole)}%`;
}

/** A discrimination index (−100…100) as PrairieLearn prints it, or n/a without variance. */
export function formatDiscrimination(value: number | null): string {
  return value === null ? "n/a" : value.toFixed(0);
}

/** Exercise ids contain a slash; their URLs keep it (catch-all segment). */
export function exercisePath(slug: string): string {
  return slug.split("/").map(encodeURIComponent).join("/");
}

export function formatDateTime(date: Date): string {
  return (
    new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date) + " UTC"
  );
}

import { ArrowRight, CircleCheck } from "lucide-react";
import Link from "next/link";
import type { StudentRow } from "@/lib/analytics/load-class-scores";
import type { VerdictBucket } from "@/lib/analytics/verdict-buckets";
import { exercisePath } from "./format";

/** The students whose submissions landed in one bucket, each linking to their attempts. */
export function BucketStudents({
  classId,
  trackSlug,
  bucket,
  label,
  students,
}: {
  classId: string;
  trackSlug: string;
  bucket: VerdictBucket;
  label: string;
  students: Record<string, StudentRow>;
}) {
  return (
    <section
      id="bucket-students"
      aria-labelledby="bucket-students-title"
      className="scroll-mt-20 rounded-xl border border-border bg-surface"
    >
      <h2 id="bucket-students-title" className="border-b border-border px-4 py-2.5 text-sm font-semibold">
        {label}{" "}
        <span className="font-normal text-muted">
          · {bucket.students.length} student{bucket.students.length === 1 ? "" : "s"}
        </span>
      </h2>
      <ul className="divide-y divide-border">
        {bucket.students.map((s) => {
          const who = students[s.userId];
          return (
            <li key={s.userId}>
              <Link
                href={`/teach/classes/${classId}/students/${encodeURIComponent(s.userId)}/exercises/${exercisePath(trackSlug)}`}
                className="flex items-center gap-3 px-4 py-2.5 text-sm hover:bg-surface-muted"
              >
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="truncate font-medium">{who?.name ?? "Former student"}</span>
                  <span className="truncate text-xs text-muted">{who?.email}</span>
                </span>
                {s.passed && bucket.kind !== "pass" ? (
                  <span className="inline-flex shrink-0 items-center gap-1 text-xs text-pass">
                    <CircleCheck className="size-3.5" aria-hidden /> has passed
                  </span>
                ) : null}
                <span className="text-xs whitespace-nowrap text-muted tabular-nums">
                  {s.submissions} submission{s.submissions === 1 ? "" : "s"} here
                </span>
                <ArrowRight className="size-4 text-muted" aria-hidden />
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import { ClipboardList, FileCode2 } from "lucide-react";
import Link from "next/link";
import type { AssignmentAnalytics } from "@/lib/analytics/get-class-analytics";
import { Tooltip } from "@/components/ui/tooltip";
import { exercisePath, formatDiscrimination, percent, share } from "./format";
import { ScoreBar } from "./score-bar";
import { TableHead } from "@/components/ui/table-head";

const DISCRIMINATION_HINT =
  "100 × correlation between students' best score on this assignment and their total over all assignments (PrairieLearn's definition). " +
  "Above ~20 the assignment separates stronger from weaker students; near 0 or negative, look at it again. n/a: every student has the same score.";

/** The class's assignments as the items of one assessment, PrairieLearn style. */
export function AssignmentTable({
  classId,
  assignments,
  students,
}: {
  classId: string;
  assignments: AssignmentAnalytics[];
  students: number;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-surface">
      <table className="w-full min-w-[720px] text-sm">
        <caption className="sr-only">Assignments with mean score and discrimination</caption>
        <TableHead
          tone="plain"
          columns={[
            { label: "Assignment" },
            { label: "Attempted", align: "right", tight: true },
            {
              label: "Passed",
              align: "right",
              tight: true,
              title: "Exercises: a passing submission. Quizzes: full marks.",
            },
            { label: "Mean score", tight: true },
            {
              label: (
                <Tooltip content={DISCRIMINATION_HINT}>
                  <span tabIndex={0} className="cursor-help underline decoration-dotted underline-offset-2">
                    Discrimination
                  </span>
                </Tooltip>
              ),
              align: "right",
            },
          ]}
        />
        <tbody className="divide-y divide-border">
          {assignments.map((a) => (
            <tr key={a.id} className="hover:bg-surface-muted/60">
              <th scope="row" className="px-4 py-3 text-left font-normal">
                <div className="flex items-center gap-2.5">
                  {a.kind === "exercise" ? (
                    <FileCode2 className="size-4 shrink-0 text-muted" aria-label="Exercise" />
                  ) : (
                    <ClipboardList className="size-4 shrink-0 text-muted" aria-label="Quiz" />
                  )}
                  <div className="min-w-0">
                    {a.kind === "exercise" ? (
                      <Link
                        href={`/teach/classes/${classId}/analytics/${exercisePath(a.ref)}`}
                        className="font-medium hover:text-primary hover:underline"
                      >
                        {a.title}
                      </Link>
                    ) : (
                      <a href={`#quiz-${a.ref}`} className="font-medium hover:text-primary hover:underline">
                        {a.title}
                      </a>
                    )}
                    <div className="font-mono text-xs text-muted">{a.ref}</div>
                  </div>
                </div>
              </th>
              <td className="px-3 py-3 text-right tabular-nums">
                {a.stats.attempted}
                <span className="text-muted">/{students}</span>
              </td>
              <td className="px-3 py-3 text-right tabular-nums">
                {a.passed} <span className="text-xs text-muted">({share(a.passed, students)})</span>
              </td>
              <td className="px-3 py-3">
                <span className="inline-flex items-center gap-2 tabular-nums">
                  <ScoreBar value={a.stats.meanScore} />
                  {percent(a.stats.meanScore)}
                </span>
              </td>
              <td className="px-4 py-3 text-right font-mono tabular-nums">
                {/* PrairieLearn's definition (against the total including this assignment) is the
                    figure; with few assignments it runs high, so the corrected one is on hover. */}
                <span
                  title={`Against the other assignments only (corrected; less inflated when a class has few assignments): ${formatDiscrimination(a.stats.discrimination)}`}
                >
                  {formatDiscrimination(a.stats.discriminationIncluding)}
                </span>
                {a.stats.discriminationIncluding !== null && a.stats.discriminationIncluding < 20 ? (
                  <span className="ml-1.5 rounded bg-error-soft px-1 py-0.5 font-sans text-[11px] text-error">low</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

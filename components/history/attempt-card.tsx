import { ChevronRight, LoaderCircle, RotateCcw } from "lucide-react";
import { formatDateTime } from "@/components/analytics/format";
import { REASON_TEXT } from "@/components/results/reason-text";
import { formatScore } from "@/components/results/format";
import { VerdictBadge } from "@/components/results/verdict-badge";
import { Badge } from "@/components/ui/badge";
import type { GradeResult } from "@/grader/contract";
import type { StudentAttempt } from "@/lib/analytics/list-student-attempts";
import { AttemptTabs } from "./attempt-tabs";
import { CodeView } from "./code-view";
import { DiffView } from "./diff-view";

/**
 * One attempt: when and the verdict at a glance (a native disclosure, so it opens with the
 * keyboard), then result / diff / code in tabs. Only the newest starts open.
 */
export function AttemptCard({
  attempt,
  previousNumber,
  open,
}: {
  attempt: StudentAttempt;
  previousNumber: number | null;
  open: boolean;
}) {
  const result = attempt.run?.result ?? null;
  const prefix = `a${attempt.number}`;
  const state = attempt.run?.state ?? "queued";
  return (
    <details
      id={`attempt-${attempt.number}`}
      open={open}
      className="group scroll-mt-20 overflow-hidden rounded-xl border border-border bg-surface"
    >
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1.5 px-4 py-3 hover:bg-surface-muted/60 group-open:border-b group-open:border-border [&::-webkit-details-marker]:hidden">
        <ChevronRight className="size-4 shrink-0 text-muted transition-transform group-open:rotate-90" aria-hidden />
        <h2 id={`${prefix}-title`} className="text-sm font-semibold">
          Attempt {attempt.number}
        </h2>
        <time dateTime={attempt.createdAt.toISOString()} className="text-[13px] text-muted">
          {formatDateTime(attempt.createdAt)}
        </time>
        {result ? (
          <>
            <VerdictBadge status={result.status} size="sm" />
            <span className="text-[13px] font-medium">
              {result.reason ? REASON_TEXT[result.reason].title : "All tests passed"}
              {firstErrorCode(result) ? (
                <span className="ml-1.5 font-mono text-muted">{firstErrorCode(result)}</span>
              ) : null}
            </span>
            <span className="ml-auto font-mono text-[13px] font-semibold tabular-nums">
              {formatScore(result.score)}
            </span>
          </>
        ) : (
          <Badge tone="info">
            <LoaderCircle className="animate-spin" aria-hidden /> {state === "running" ? "grading" : "queued"}
          </Badge>
        )}
        {attempt.run?.regraded ? (
          <Badge
            tone="neutral"
            title={`This submission has been graded ${attempt.runCount} times; the latest result is shown.`}
          >
            <RotateCcw aria-hidden /> regraded
          </Badge>
        ) : null}
      </summary>
      <AttemptTabs
        submissionId={attempt.id}
        result={result}
        codeIdPrefix={prefix}
        pending={
          <p className="text-sm text-muted">
            This attempt is still being graded. Refresh in a moment to see its result.
          </p>
        }
        code={<CodeView code={attempt.code} idPrefix={prefix} label={`Code of attempt ${attempt.number}`} />}
        diff={
          attempt.diff && previousNumber !== null ? (
            <DiffView
              diff={attempt.diff}
              fromLabel={`attempt ${previousNumber}`}
              label={`Diff of attempt ${attempt.number} against attempt ${previousNumber}`}
            />
          ) : null
        }
      />
    </details>
  );
}

function firstErrorCode(result: GradeResult): string | null {
  return result.diagnostics.find((d) => d.severity === "error" && d.code)?.code ?? null;
}

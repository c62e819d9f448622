import { CircleAlert, CircleCheck, CircleX } from "lucide-react";
import type { TestResult } from "@/grader/contract";
import { cn } from "@/components/ui/cn";
import { Tooltip } from "@/components/ui/tooltip";
import { formatMs, formatValue, timingEntries } from "./format";
import { REASON_TEXT } from "./reason-text";
import { Timeline } from "./timeline/timeline";

const ICON = {
  pass: { Icon: CircleCheck, className: "text-pass", label: "passed" },
  fail: { Icon: CircleX, className: "text-fail", label: "failed" },
  error: { Icon: CircleAlert, className: "text-error", label: "error" },
} as const;

/** One hidden test: its outcome, why, the values compared and the timing numbers behind it. */
export function TestRow({ test }: { test: TestResult }) {
  const { Icon, className, label } = ICON[test.status];
  const timing = timingEntries(test.timing, test.clock);
  const hasValues = test.status !== "pass" && (test.expected !== undefined || test.actual !== undefined);
  return (
    <li data-testid="test-row" data-status={test.status} className="px-3 py-2.5">
      <div className="flex items-start gap-2.5">
        <Icon className={cn("mt-0.5 size-4 shrink-0", className)} aria-label={label} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
            <span className="font-mono text-[13px] font-medium break-all">{test.name}</span>
            {test.reason ? (
              <span className="text-xs font-medium text-muted">{REASON_TEXT[test.reason].title}</span>
            ) : null}
            <span className="ml-auto text-xs text-muted tabular-nums">
              {formatMs(test.durationMs)}
              {test.clock === "virtual" ? " · virtual clock" : ""}
            </span>
          </div>
          {test.message ? <p className="mt-1 text-[13px] leading-relaxed whitespace-pre-wrap">{test.message}</p> : null}
          {hasValues ? (
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              <ValueBlock label="Expected" value={test.expected} />
              <ValueBlock label="Actual" value={test.actual} />
            </div>
          ) : null}
          {timing.length > 0 ? (
            <dl className="mt-2 flex flex-wrap gap-1.5">
              {timing.map((entry) => (
                <Tooltip key={entry.label} content={entry.hint}>
                  <div
                    tabIndex={0}
                    className="flex items-baseline gap-1 rounded-md bg-surface-muted px-1.5 py-0.5 text-xs"
                  >
                    <dt className="text-muted">{entry.label}</dt>
                    <dd className="font-mono font-medium tabular-nums">{entry.value}</dd>
                  </div>
                </Tooltip>
              ))}
            </dl>
          ) : null}
          {test.trace && test.trace.length > 0 ? (
            <Timeline spans={test.trace} clock={test.clock} testName={test.name} defaultOpen={test.status !== "pass"} />
          ) : null}
        </div>
      </div>
    </li>
  );
}

function ValueBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <div className="mb-0.5 text-[11px] font-medium tracking-wide text-muted uppercase">{label}</div>
      <pre className="max-h-40 overflow-auto rounded-md border border-border bg-code-bg px-2 py-1.5 font-mono text-xs">
        {value === undefined ? "—" : formatValue(value)}
      </pre>
    </div>
  );
}

"use client";

import { ChevronRight, Inbox, LoaderCircle } from "lucide-react";
import type { SubmissionListItem } from "@/lib/submissions/schemas";
import { Reason } from "@/grader/contract";
import { cn } from "@/components/ui/cn";
import { formatClockTime, formatRelativeTime, formatScore } from "./format";
import { REASON_TEXT } from "./reason-text";
import { VerdictBadge } from "./verdict-badge";

const isStatus = (s: string | null): s is "pass" | "fail" | "error" => s === "pass" || s === "fail" || s === "error";
const reasonTitle = (r: string | null) => {
  const known = Reason.safeParse(r);
  return known.success ? REASON_TEXT[known.data].title : r;
};

type SubmissionHistoryProps = {
  items: readonly SubmissionListItem[];
  selectedId: string | null;
  onOpen: (id: string) => void;
};

/** Earlier attempts at this exercise, newest first; opening one shows its result. */
export function SubmissionHistory({ items, selectedId, onOpen }: SubmissionHistoryProps) {
  if (items.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 py-8 text-center">
        <Inbox className="size-8 text-muted" aria-hidden />
        <p className="font-medium">No submissions yet</p>
        <p className="text-sm text-muted">Every time you submit, the attempt and its verdict are kept here.</p>
      </div>
    );
  }
  return (
    <ol className="divide-y divide-border" aria-label="Submissions, newest first">
      {items.map((item, index) => {
        const created = new Date(item.createdAt);
        const selected = item.id === selectedId;
        return (
          <li key={item.id}>
            <button
              type="button"
              onClick={() => onOpen(item.id)}
              aria-current={selected ? "true" : undefined}
              className={cn(
                "flex w-full cursor-pointer items-center gap-3 px-4 py-2.5 text-left text-sm hover:bg-surface-muted",
                selected && "bg-surface-muted",
              )}
            >
              <span className="w-8 shrink-0 font-mono text-xs text-muted tabular-nums">#{items.length - index}</span>
              <span className="w-16 shrink-0">
                {item.state !== "done" ? (
                  <span className="inline-flex items-center gap-1 text-xs text-muted">
                    <LoaderCircle className="size-3.5 animate-spin" aria-hidden /> {item.state}
                  </span>
                ) : isStatus(item.status) ? (
                  <VerdictBadge status={item.status} size="sm" />
                ) : (
                  <span className="text-xs text-muted">—</span>
                )}
              </span>
              <span className="min-w-0 flex-1 truncate">
                {item.state === "done" ? (reasonTitle(item.reason) ?? "All tests passed") : "Grading…"}
              </span>
              {item.score !== null ? (
                <span className="font-mono text-xs text-muted tabular-nums">{formatScore(item.score)}</span>
              ) : null}
              <time
                dateTime={item.createdAt}
                title={created.toLocaleString()}
                className="shrink-0 text-right text-xs whitespace-nowrap text-muted tabular-nums"
                suppressHydrationWarning
              >
                {formatRelativeTime(created)} · {formatClockTime(created)}
              </time>
              <ChevronRight className="size-4 shrink-0 text-muted" aria-hidden />
            </button>
          </li>
        );
      })}
    </ol>
  );
}

"use client";

import { CircleAlert, FlaskConical, History, LoaderCircle, Undo2 } from "lucide-react";
import type { ViewState } from "@/components/workspace/use-submission";
import type { ExerciseHint } from "@/lib/exercises/schemas";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { formatClockTime } from "./format";
import { RunProgress } from "./run-progress";
import { Verdict } from "./verdict";

type ResultsPanelProps = {
  view: ViewState;
  /** The viewed submission is not the newest one. */
  isOlder: boolean;
  onReveal: (line: number, column: number) => void;
  onRestore: (code: string) => void;
  /** The exercise's hints, offered after a failure. */
  help?: { exerciseId: string; hints: readonly ExerciseHint[] };
};

export function ResultsPanel({ view, isOlder, onReveal, onRestore, help }: ResultsPanelProps) {
  return (
    <div
      className="flex flex-col gap-4 p-4"
      aria-live="polite"
      aria-busy={view.kind === "submitting" || view.kind === "loading"}
    >
      <ResultsBody view={view} isOlder={isOlder} onReveal={onReveal} onRestore={onRestore} help={help} />
    </div>
  );
}

function ResultsBody({ view, isOlder, onReveal, onRestore, help }: ResultsPanelProps) {
  switch (view.kind) {
    case "none":
      return (
        <div className="flex flex-col items-center gap-2 py-8 text-center">
          <FlaskConical className="size-8 text-muted" aria-hidden />
          <p className="font-medium">No result yet</p>
          <p className="max-w-sm text-sm text-muted">
            Submit to run your code concurrently against the hidden tests. Press <Kbd>Ctrl</Kbd> <Kbd>Enter</Kbd> in the
            editor.
          </p>
        </div>
      );
    case "submitting":
      return <RunProgress state="submitting" since={Date.now()} />;
    case "loading":
      return (
        <div className="flex items-center gap-2 text-sm text-muted">
          <LoaderCircle className="size-4 animate-spin" aria-hidden /> Loading submission…
        </div>
      );
    case "error":
      return (
        <div
          role="alert"
          className="flex items-start gap-2.5 rounded-lg border border-fail/30 bg-fail-soft px-3 py-2.5 text-sm"
        >
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-fail" aria-hidden />
          <div>
            <p className="font-medium">{view.title}</p>
            <p className="mt-0.5">{view.message}</p>
          </div>
        </div>
      );
    case "submission": {
      const { submission, since, stale } = view;
      const created = new Date(submission.createdAt);
      return (
        <>
          {isOlder ? (
            <div className="flex flex-wrap items-center gap-2 rounded-lg border border-border bg-surface-muted px-3 py-2 text-[13px]">
              <History className="size-4 text-muted" aria-hidden />
              <span>
                Viewing an earlier submission from{" "}
                <time dateTime={submission.createdAt} suppressHydrationWarning>
                  {formatClockTime(created)}
                </time>
              </span>
              <Button size="sm" className="ml-auto" onClick={() => onRestore(submission.code)}>
                <Undo2 aria-hidden /> Load its code into the editor
              </Button>
            </div>
          ) : null}
          {submission.run.state !== "done" ? (
            <RunProgress state={submission.run.state} since={since} />
          ) : submission.run.result ? (
            <Verdict submissionId={submission.id} result={submission.run.result} onReveal={onReveal} help={help} />
          ) : (
            <p role="alert" className="text-sm">
              Grading finished without a result. Please submit again.
            </p>
          )}
          {stale ? <p className="text-sm text-muted">{stale}</p> : null}
        </>
      );
    }
  }
}

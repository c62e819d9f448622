"use client";

import type { CSSProperties } from "react";
import type { ExerciseHint } from "@/lib/exercises/schemas";
import type { SubmissionListItem } from "@/lib/submissions/schemas";
import { ResultsPanel } from "@/components/results/results-panel";
import { SubmissionHistory } from "@/components/results/submission-history";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { ViewState } from "./use-submission";

type ResultsTabsProps = {
  tab: string;
  onTabChange: (tab: string) => void;
  /** Height share of the solution column, in percent (large screens). */
  share: number;
  view: ViewState;
  history: readonly SubmissionListItem[];
  onOpen: (submissionId: string) => void;
  onReveal: (line: number, column: number) => void;
  onRestore: (code: string) => void;
  help?: { exerciseId: string; hints: readonly ExerciseHint[] };
};

/** Below the editor: the shown submission's result, and the list of earlier attempts. */
export function ResultsTabs({
  tab,
  onTabChange,
  share,
  view,
  history,
  onOpen,
  onReveal,
  onRestore,
  help,
}: ResultsTabsProps) {
  const viewed = view.kind === "submission" ? view.submission : null;
  const viewedIndex = viewed ? history.findIndex((item) => item.id === viewed.id) : -1;
  const style = { "--results-share": `${share}%` } as CSSProperties;

  return (
    <div
      className="flex min-h-0 flex-col border-t border-border bg-surface lg:shrink-0 lg:basis-[var(--results-share)]"
      style={style}
    >
      <Tabs value={tab} onValueChange={onTabChange} className="flex min-h-0 flex-1 flex-col">
        <TabsList aria-label="Results" className="border-b border-border px-3 py-1.5">
          <TabsTrigger value="result">Result</TabsTrigger>
          <TabsTrigger value="history">
            History
            <span className="rounded-full bg-surface-muted px-1.5 text-[11px] tabular-nums">{history.length}</span>
          </TabsTrigger>
        </TabsList>
        <TabsContent value="result" className="overflow-y-auto">
          <ResultsPanel view={view} isOlder={viewedIndex > 0} onReveal={onReveal} onRestore={onRestore} help={help} />
        </TabsContent>
        <TabsContent value="history" className="overflow-y-auto">
          <SubmissionHistory
            items={history}
            selectedId={viewed?.id ?? null}
            onOpen={(id) => {
              onTabChange("result");
              onOpen(id);
            }}
          />
        </TabsContent>
      </Tabs>
    </div>
  );
}

"use client";

import { useState, type ReactNode } from "react";
import type { GradeResult } from "@/grader/contract";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AttemptVerdict } from "./attempt-verdict";

type AttemptTabsProps = {
  submissionId: string;
  result: GradeResult | null;
  pending: ReactNode;
  code: ReactNode;
  diff: ReactNode | null;
  codeIdPrefix: string;
};

/** Result, diff to the previous attempt, and code of one attempt (keyboard: arrow keys between tabs). */
export function AttemptTabs({ submissionId, result, pending, code, diff, codeIdPrefix }: AttemptTabsProps) {
  const [tab, setTab] = useState("result");
  return (
    <Tabs value={tab} onValueChange={setTab}>
      <TabsList aria-label="Attempt details" className="border-b border-border px-3 py-1.5">
        <TabsTrigger value="result">Result</TabsTrigger>
        {diff ? <TabsTrigger value="diff">Diff</TabsTrigger> : null}
        <TabsTrigger value="code">Code</TabsTrigger>
      </TabsList>
      <TabsContent value="result" className="p-4">
        {result ? (
          <AttemptVerdict
            submissionId={submissionId}
            result={result}
            codeIdPrefix={codeIdPrefix}
            onShowCode={() => setTab("code")}
          />
        ) : (
          pending
        )}
      </TabsContent>
      {diff ? (
        <TabsContent value="diff" className="p-4">
          {diff}
        </TabsContent>
      ) : null}
      {/* Mounted while hidden so a diagnostic can jump to a line of it. */}
      <TabsContent value="code" className="p-4 data-[state=inactive]:hidden" forceMount>
        {code}
      </TabsContent>
    </Tabs>
  );
}

"use client";

import type { GradeResult } from "@/grader/contract";
import { Verdict } from "@/components/results/verdict";

/**
 * The student's verdict panel (tests, per-test timeline, diagnostics, output), reused as is.
 * A diagnostic jumps to its line in this attempt's code instead of an editor.
 */
export function AttemptVerdict({
  submissionId,
  result,
  codeIdPrefix,
  onShowCode,
}: {
  submissionId: string;
  result: GradeResult;
  codeIdPrefix: string;
  onShowCode?: () => void;
}) {
  return (
    <Verdict
      submissionId={submissionId}
      result={result}
      onReveal={(line) => {
        onShowCode?.();
        // The code tab renders on the next frame once selected.
        requestAnimationFrame(() => {
          const target = document.getElementById(`${codeIdPrefix}-L${line}`);
          if (!target) return;
          for (const marked of document.querySelectorAll("[data-highlight]")) marked.removeAttribute("data-highlight");
          target.setAttribute("data-highlight", "");
          history.replaceState(null, "", `#${target.id}`);
          target.scrollIntoView({ block: "center" });
        });
      }}
    />
  );
}

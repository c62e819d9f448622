import { Check, Clock, PenLine } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABEL, type AssignmentResult } from "@/lib/classes/assignment-status";

const TONE: Record<AssignmentResult["status"], BadgeTone> = {
  not_started: "neutral",
  attempted: "error",
  passed: "pass",
  submitted: "info",
};

/** Status in words (plus the best score where there is one), and a separate "Late" flag. */
export function StatusBadge({ result }: { result: Pick<AssignmentResult, "status" | "best" | "late"> }) {
  const score = result.best === null || result.status === "passed" ? "" : ` · best ${Math.round(result.best * 100)}%`;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={TONE[result.status]} data-testid="assignment-status">
        {result.status === "passed" ? (
          <Check aria-hidden />
        ) : result.status === "attempted" ? (
          <PenLine aria-hidden />
        ) : null}
        {STATUS_LABEL[result.status]}
        {score}
      </Badge>
      {result.late ? (
        <Badge tone="fail">
          <Clock aria-hidden />
          Late
        </Badge>
      ) : null}
    </span>
  );
}

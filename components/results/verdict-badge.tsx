import { CircleAlert, CircleCheck, CircleX } from "lucide-react";
import type { Status } from "@/grader/contract";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

const ICON = { pass: CircleCheck, fail: CircleX, error: CircleAlert } as const;

/** The verdict word itself (pass / fail / error) with its colour and icon. */
type VerdictBadgeProps = { status: Status; size?: "sm" | "md"; testId?: string; submissionId?: string };

export function VerdictBadge({ status, size = "md", testId, submissionId }: VerdictBadgeProps) {
  const Icon = ICON[status];
  return (
    <Badge
      tone={status}
      data-testid={testId}
      data-submission-id={submissionId}
      className={cn(
        "font-semibold uppercase tracking-wide",
        size === "md" ? "px-2.5 py-1 text-[12.5px] [&_svg]:size-4" : "text-[11px]",
      )}
    >
      <Icon aria-hidden />
      {status}
    </Badge>
  );
}

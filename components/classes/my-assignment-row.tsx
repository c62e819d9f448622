import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { StartQuizButton } from "@/components/quiz/start-quiz-button";
import { Button } from "@/components/ui/button";
import type { MyAssignment } from "@/lib/classes/list-my-assignments";
import { AssignmentHeading } from "./assignment-heading";
import { DateTime } from "./date-time";
import { StatusBadge } from "./status-badge";

export function MyAssignmentRow({ item }: { item: MyAssignment }) {
  const finished = item.result.status === "passed";
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center" data-testid="my-assignment">
      <div className="min-w-0 flex-1">
        <AssignmentHeading item={item} />
        <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-muted">
          <span>{item.className}</span>
          <span aria-hidden>·</span>
          <span>
            {item.dueAt ? (
              <>
                Due <DateTime iso={item.dueAt.toISOString()} relative />
              </>
            ) : (
              "No due date"
            )}
          </span>
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:justify-end">
        <StatusBadge result={item.result} />
        {item.kind === "quiz" ? (
          <StartQuizButton quizId={item.ref} retake={item.result.status === "submitted"} variant="secondary" />
        ) : (
          <Button asChild size="sm" variant={finished ? "secondary" : "primary"}>
            <Link href={item.href}>
              {finished ? "Review" : item.result.status === "attempted" ? "Continue" : "Start"}
              <ArrowRight aria-hidden />
            </Link>
          </Button>
        )}
      </div>
    </li>
  );
}

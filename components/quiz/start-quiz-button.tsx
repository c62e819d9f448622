"use client";

import { Loader2, Play, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/components/api-client";
import { usePendingAction } from "@/components/use-pending-action";
import { StartAttemptResponse } from "@/lib/quizzes/schemas";

/** Starts a new attempt (new seed, new variants) and opens it. */
export function StartQuizButton({
  quizId,
  retake = false,
  variant = "primary",
}: {
  quizId: string;
  retake?: boolean;
  variant?: "primary" | "secondary";
}) {
  const router = useRouter();
  const { pending, error, run } = usePendingAction();

  const start = () =>
    run(async () => {
      const { attemptId } = await apiFetch("/api/quizzes/attempts", {
        method: "POST",
        body: { quizId },
        response: StartAttemptResponse,
        session: true,
      });
      router.push(`/quizzes/attempts/${attemptId}`);
    });

  return (
    <div className="flex flex-col items-start gap-1.5">
      <Button variant={variant} onClick={start} disabled={pending}>
        {pending ? (
          <Loader2 className="animate-spin" aria-hidden />
        ) : retake ? (
          <RotateCcw aria-hidden />
        ) : (
          <Play aria-hidden />
        )}
        {retake ? "Retake with new questions" : "Start quiz"}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-fail">
          {error}
        </p>
      ) : null}
    </div>
  );
}

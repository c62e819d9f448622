"use client";

import { Loader2, UserMinus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage, NoContent } from "@/components/api-client";

export function RemoveStudentButton({ classId, userId, name }: { classId: string; userId: string; name: string }) {
  const router = useRouter();
  // Keep the control busy until the refreshed server data has arrived, not just the API reply.
  const [refreshing, startRefresh] = useTransition();
  const [removing, setPending] = useState(false);
  const pending = removing || refreshing;
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setPending(true);
    setError(null);
    try {
      await apiFetch(`/api/classes/${classId}/students/${encodeURIComponent(userId)}`, {
        method: "DELETE",
        response: NoContent,
      });
      startRefresh(() => router.refresh());
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmDialog
        tone="danger"
        title={`Remove ${name} from the class?`}
        description="They leave the roster and the gradebook. Their own drafts, submissions and quiz attempts are kept, and they can join again with the code."
        confirmLabel="Remove student"
        onConfirm={remove}
        trigger={
          <Button size="sm" variant="ghost" disabled={pending} aria-label={`Remove ${name}`}>
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : <UserMinus aria-hidden />}
            Remove
          </Button>
        }
      />
      {error ? (
        <p role="alert" className="text-xs text-fail">
          {error}
        </p>
      ) : null}
    </div>
  );
}

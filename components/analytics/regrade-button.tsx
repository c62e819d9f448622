"use client";

import { CircleAlert, LoaderCircle, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage } from "@/components/api-client";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { StartRegradeResponse } from "@/lib/regrade/schemas";

type RegradeButtonProps = { classId: string; exerciseId: string; exerciseTitle: string; submissions: number };

/** Asks first, then starts the regrade and opens its progress page. */
export function RegradeButton({ classId, exerciseId, exerciseTitle, submissions }: RegradeButtonProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const { regradeId } = await apiFetch(`/api/classes/${classId}/regrades`, {
        method: "POST",
        body: { exerciseId },
        response: StartRegradeResponse,
      });
      router.push(`/teach/classes/${classId}/regrades/${regradeId}`);
      return;
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col items-end gap-1.5">
      <ConfirmDialog
        title={`Regrade ${exerciseTitle}?`}
        description={
          <>
            All {submissions} submission{submissions === 1 ? "" : "s"} by this class&apos;s students are graded again
            with the exercise&apos;s current tests. Earlier results are kept; pages show the new result once it is
            ready.
          </>
        }
        confirmLabel="Regrade all"
        onConfirm={start}
        trigger={
          <Button disabled={busy || submissions === 0}>
            {busy ? <LoaderCircle className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />}
            {busy ? "Starting…" : "Regrade submissions"}
          </Button>
        }
      />
      {error ? (
        <p role="alert" className="flex items-center gap-1.5 text-[13px] text-fail">
          <CircleAlert className="size-4" aria-hidden /> {error}
        </p>
      ) : null}
    </div>
  );
}

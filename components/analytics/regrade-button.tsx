"use client";

import { CircleAlert, LoaderCircle, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/alert-dialog";

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
      const response = await fetch(`/api/classes/${classId}/regrades`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ exerciseId }),
      });
      const body: unknown = await response.json().catch(() => null);
      if (response.ok && isStarted(body)) {
        router.push(`/teach/classes/${classId}/regrades/${body.regradeId}`);
        return;
      }
      setError(messageOf(body) ?? `The regrade could not start (HTTP ${response.status}).`);
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
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

function isStarted(body: unknown): body is { regradeId: string } {
  return typeof body === "object" && body !== null && "regradeId" in body && typeof body.regradeId === "string";
}

function messageOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = body.error;
  return typeof error === "object" && error !== null && "message" in error && typeof error.message === "string"
    ? error.message
    : null;
}

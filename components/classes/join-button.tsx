"use client";

import { Loader2, LogIn } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/components/api-client";
import { usePendingAction } from "@/components/use-pending-action";
import { JoinClassResponse } from "@/lib/classes/schemas";

/** Joins the class of the page's code, then goes to the dashboard where its assignments are. */
export function JoinButton({ code }: { code: string }) {
  const router = useRouter();
  const { pending, error, run } = usePendingAction();

  const join = () =>
    run(async () => {
      await apiFetch("/api/classes/join", { method: "POST", body: { code }, response: JoinClassResponse });
      router.push("/dashboard");
      router.refresh();
    });

  return (
    <div className="flex flex-col items-center gap-2">
      <Button variant="primary" onClick={join} disabled={pending} autoFocus>
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : <LogIn aria-hidden />}
        Join class
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-fail">
          {error}
        </p>
      ) : null}
    </div>
  );
}

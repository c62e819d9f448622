"use client";

import { Loader2, Mail } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage } from "@/components/api-client";
import { InviteResponse } from "@/lib/classes/schemas";
import { inputClass } from "./form-styles";

/** Sends the join link to a list of addresses (one per line, or separated by commas). */
export function InviteForm({ classId }: { classId: string }) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const emails = String(new FormData(form).get("emails") ?? "")
      .split(/[\s,;]+/)
      .filter((e) => e.length > 0);
    setPending(true);
    setResult(null);
    try {
      const { sent, failed } = await apiFetch(`/api/classes/${classId}/invitations`, {
        method: "POST",
        body: { emails },
        response: InviteResponse,
      });
      setResult({
        ok: failed.length === 0,
        text: `${sent} invitation${sent === 1 ? "" : "s"} sent.${failed.length ? ` Not delivered: ${failed.join(", ")}.` : ""}`,
      });
      if (failed.length === 0) form.reset();
    } catch (e) {
      setResult({ ok: false, text: errorMessage(e) });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4 shadow-xs">
      <label htmlFor="invite-emails" className="text-sm font-medium">
        Invite by email
      </label>
      <p id="invite-help" className="text-xs text-muted">
        One address per line or separated by commas (up to 50). Each gets the join link; they join after signing in.
      </p>
      <textarea
        id="invite-emails"
        name="emails"
        rows={3}
        required
        className={`${inputClass} h-auto py-2 font-mono text-xs`}
        placeholder={"ada@school.example\ngrace@school.example"}
        aria-describedby={result ? "invite-help invite-result" : "invite-help"}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Mail aria-hidden />}
          Send invitations
        </Button>
        {result ? (
          <p
            id="invite-result"
            role={result.ok ? "status" : "alert"}
            className={`text-sm ${result.ok ? "text-muted" : "text-fail"}`}
          >
            {result.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}

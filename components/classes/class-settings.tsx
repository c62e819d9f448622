"use client";

import { Archive, ArchiveRestore, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage } from "@/components/api-client";
import { UpdateClassResponse } from "@/lib/classes/schemas";
import { inputClass, labelClass } from "./form-styles";

export function ClassSettings({ classId, name, archived }: { classId: string; name: string; archived: boolean }) {
  const router = useRouter();
  // Keep the control busy until the refreshed server data has arrived, not just the API reply.
  const [refreshing, startRefresh] = useTransition();
  const [draft, setDraft] = useState(name);
  const [saving, setPending] = useState<"rename" | "archive" | null>(null);
  const [lastAction, setLastAction] = useState<"rename" | "archive" | null>(null);
  const pending = saving ?? (refreshing ? lastAction : null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  async function update(kind: "rename" | "archive", body: { name?: string; archived?: boolean }, done: string) {
    setPending(kind);
    setLastAction(kind);
    setMessage(null);
    try {
      await apiFetch(`/api/classes/${classId}`, { method: "PATCH", body, response: UpdateClassResponse });
      setMessage({ tone: "ok", text: done });
      startRefresh(() => router.refresh());
    } catch (e) {
      setMessage({ tone: "error", text: errorMessage(e) });
    } finally {
      setPending(null);
    }
  }

  function rename(event: FormEvent) {
    event.preventDefault();
    void update("rename", { name: draft }, "Class renamed.");
  }

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <form onSubmit={rename} className="rounded-xl border border-border bg-surface p-5 shadow-xs">
        <label htmlFor="class-name" className={labelClass}>
          Class name
        </label>
        <div className="mt-2 flex gap-2">
          <input
            id="class-name"
            className={inputClass}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={80}
            required
          />
          <Button
            type="submit"
            variant="primary"
            disabled={pending !== null || draft.trim() === "" || draft.trim() === name}
          >
            {pending === "rename" ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Rename
          </Button>
        </div>
      </form>

      <section className="rounded-xl border border-border bg-surface p-5 shadow-xs" aria-labelledby="archive-heading">
        <h2 id="archive-heading" className="text-base font-semibold">
          {archived ? "This class is archived" : "Archive the class"}
        </h2>
        <p className="mt-1 text-sm text-muted">
          {archived
            ? "Students cannot join and it is hidden from their dashboards. Restore it to open it again; nothing was deleted."
            : "At the end of a term: students can no longer join and it leaves their dashboards. The roster, assignments and gradebook stay here, and you can restore it."}
        </p>
        <div className="mt-4">
          {archived ? (
            <Button
              disabled={pending !== null}
              onClick={() => void update("archive", { archived: false }, "Class restored.")}
            >
              {pending === "archive" ? (
                <Loader2 className="animate-spin" aria-hidden />
              ) : (
                <ArchiveRestore aria-hidden />
              )}
              Restore class
            </Button>
          ) : (
            <ConfirmDialog
              title="Archive this class?"
              description="Students can no longer join with the code, and the class leaves their dashboards. You can restore it at any time."
              confirmLabel="Archive class"
              onConfirm={() => void update("archive", { archived: true }, "Class archived.")}
              trigger={
                <Button disabled={pending !== null}>
                  {pending === "archive" ? <Loader2 className="animate-spin" aria-hidden /> : <Archive aria-hidden />}
                  Archive class
                </Button>
              }
            />
          )}
        </div>
      </section>
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "text-sm text-fail" : "text-sm text-pass"}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

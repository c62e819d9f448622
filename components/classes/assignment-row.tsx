"use client";

import { CalendarClock, Loader2, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage, NoContent } from "@/components/api-client";
import { UpdateAssignmentResponse } from "@/lib/classes/schemas";
import { AssignmentHeading } from "./assignment-heading";
import { DateTime } from "./date-time";
import { isoToLocalInput, localInputToIso } from "./due-input";
import { controlClass } from "./form-styles";

export type AssignmentRowData = {
  id: string;
  kind: "exercise" | "quiz";
  ref: string;
  title: string;
  href: string;
  dueAt: string | null;
  retired: boolean;
  done: number;
  students: number;
};

export function AssignmentRow({ classId, item }: { classId: string; item: AssignmentRowData }) {
  const router = useRouter();
  // Keep the control busy until the refreshed server data has arrived, not just the API reply.
  const [refreshing, startRefresh] = useTransition();
  const [editing, setEditing] = useState(false);
  const [due, setDue] = useState("");
  const [running, setPending] = useState(false);
  const pending = running || refreshing;
  const [error, setError] = useState<string | null>(null);
  const path = `/api/classes/${classId}/assignments/${item.id}`;

  async function run(action: () => Promise<unknown>) {
    setPending(true);
    setError(null);
    try {
      await action();
      setEditing(false);
      startRefresh(() => router.refresh());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  function saveDue(event: FormEvent) {
    event.preventDefault();
    void run(() =>
      apiFetch(path, { method: "PATCH", body: { dueAt: localInputToIso(due) }, response: UpdateAssignmentResponse }),
    );
  }

  return (
    <li className="flex flex-col gap-3 px-4 py-3.5 sm:flex-row sm:items-center" data-testid="assignment-row">
      <div className="min-w-0 flex-1">
        <AssignmentHeading item={item}>
          <span className="font-mono text-xs text-muted">{item.ref}</span>
          {item.retired ? <Badge tone="error">No longer available</Badge> : null}
        </AssignmentHeading>
        <p className="mt-1 text-xs text-muted">
          {item.done} of {item.students} {item.kind === "quiz" ? "submitted" : "passed"}
        </p>
      </div>

      {editing ? (
        <form onSubmit={saveDue} className="flex items-center gap-2">
          <label htmlFor={`due-${item.id}`} className="sr-only">
            Due date for {item.title}
          </label>
          <input
            id={`due-${item.id}`}
            type="datetime-local"
            className={`${controlClass} w-60`}
            value={due}
            onChange={(e) => setDue(e.target.value)}
            autoFocus
          />
          <Button type="submit" size="sm" variant="primary" disabled={pending}>
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Save
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)} disabled={pending}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-2 sm:justify-end">
          <span className="text-sm whitespace-nowrap text-muted">
            {item.dueAt ? (
              <>
                Due <DateTime iso={item.dueAt} />
              </>
            ) : (
              "No due date"
            )}
          </span>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setDue(item.dueAt ? isoToLocalInput(item.dueAt) : "");
              setEditing(true);
            }}
            aria-label={`Change due date of ${item.title}`}
          >
            <CalendarClock aria-hidden />
            {item.dueAt ? "Change" : "Set due date"}
          </Button>
          {item.dueAt ? (
            <Button
              size="sm"
              variant="ghost"
              disabled={pending}
              onClick={() =>
                void run(() =>
                  apiFetch(path, { method: "PATCH", body: { dueAt: null }, response: UpdateAssignmentResponse }),
                )
              }
            >
              Clear
            </Button>
          ) : null}
          <ConfirmDialog
            tone="danger"
            title={`Remove “${item.title}” from the class?`}
            description="It leaves the students' dashboards and the gradebook. Their submissions and attempts are kept, and reappear if you assign it again."
            confirmLabel="Remove assignment"
            onConfirm={() => void run(() => apiFetch(path, { method: "DELETE", response: NoContent }))}
            trigger={
              <Button size="sm" variant="ghost" disabled={pending} aria-label={`Remove ${item.title}`}>
                <Trash2 aria-hidden />
                Remove
              </Button>
            }
          />
        </div>
      )}
      {error ? (
        <p role="alert" className="text-sm text-fail sm:basis-full">
          {error}
        </p>
      ) : null}
    </li>
  );
}

"use client";

import { Loader2, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch, errorMessage } from "@/components/api-client";
import { AddAssignmentResponse } from "@/lib/classes/schemas";
import { localInputToIso } from "./due-input";
import { inputClass, labelClass } from "./form-styles";

export type AssignableOption = { value: string; label: string; group: string; assigned: boolean };

/** Pick an exercise or a quiz (values "exercise:ts/promise-all" / "quiz:foundations"), maybe a due date. */
export function AddAssignmentForm({ classId, options }: { classId: string; options: AssignableOption[] }) {
  const router = useRouter();
  // Keep the control busy until the refreshed server data has arrived, not just the API reply.
  const [refreshing, startRefresh] = useTransition();
  const [target, setTarget] = useState("");
  const [due, setDue] = useState("");
  const [submitting, setPending] = useState(false);
  const pending = submitting || refreshing;
  const [error, setError] = useState<string | null>(null);
  const groups = [...new Set(options.map((o) => o.group))];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const [kind, ...rest] = target.split(":");
    const ref = rest.join(":");
    if (!ref) return;
    setPending(true);
    setError(null);
    try {
      const dueAt = localInputToIso(due);
      const body =
        kind === "quiz" ? { kind: "quiz", quizId: ref, dueAt } : { kind: "exercise", exerciseId: ref, dueAt };
      await apiFetch(`/api/classes/${classId}/assignments`, { method: "POST", body, response: AddAssignmentResponse });
      setTarget("");
      setDue("");
      startRefresh(() => router.refresh());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="rounded-xl border border-border bg-surface p-5 shadow-xs"
      aria-labelledby="add-heading"
    >
      <h2 id="add-heading" className="text-base font-semibold">
        Assign an exercise or quiz
      </h2>
      <div className="mt-4 grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] md:items-end">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="assignment-target" className={labelClass}>
            Exercise or quiz
          </label>
          <select
            id="assignment-target"
            className={inputClass}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            required
          >
            <option value="">Choose…</option>
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {options
                  .filter((o) => o.group === group)
                  .map((o) => (
                    <option key={o.value} value={o.value} disabled={o.assigned}>
                      {o.label}
                      {o.assigned ? " (assigned)" : ""}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="assignment-due" className={labelClass}>
            Due <span className="font-normal text-muted">(optional, your time)</span>
          </label>
          <input
            id="assignment-due"
            type="datetime-local"
            className={inputClass}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Plus aria-hidden />}
          Assign
        </Button>
      </div>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-fail">
          {error}
        </p>
      ) : null}
    </form>
  );
}

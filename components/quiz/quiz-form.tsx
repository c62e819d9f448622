"use client";

import { Loader2, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ItemAnswer } from "@/exercises/quizzes/score";
import { apiFetch, errorMessage } from "@/components/api-client";
import { type OpenAttempt, SubmitAttemptResponse } from "@/lib/quizzes/schemas";
import { ChoiceInput } from "./choice-input";
import { ItemFrame } from "./item-frame";
import { NumericInput } from "./numeric-input";
import { OrderInput } from "./order-input";

type Draft = { choice: string[]; order: string[]; numeric: string; touched: boolean };

function toAnswer(type: OpenAttempt["items"][number]["type"], draft: Draft): ItemAnswer | null {
  // A list never moved is the shown order, not an answer: it is counted (and scored) as unanswered.
  if (type === "order" || type === "dag-order") return draft.touched ? { kind: "order", lineIds: draft.order } : null;
  if (type === "numeric") {
    const value = Number(draft.numeric.replace(",", ".").trim());
    return draft.numeric.trim() && Number.isFinite(value) ? { kind: "numeric", value } : null;
  }
  return draft.choice.length ? { kind: "choice", optionIds: draft.choice } : null;
}

export function QuizForm({ attempt, highlighted }: { attempt: OpenAttempt; highlighted: Record<number, string> }) {
  const router = useRouter();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    attempt.items.map((item) => ({
      choice: [],
      order: item.lines?.map((l) => l.id) ?? [],
      numeric: "",
      touched: false,
    })),
  );
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const update = (position: number, patch: Partial<Draft>) =>
    setDrafts((all) => all.map((d, i) => (i === position ? { ...d, ...patch, touched: true } : d)));
  const answered = attempt.items.filter((item, i) => {
    const draft = drafts[i];
    return draft && toAnswer(item.type, draft) !== null;
  }).length;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const answers = attempt.items.map((item, i) => {
        const draft = drafts[i];
        return draft ? toAnswer(item.type, draft) : null;
      });
      await apiFetch(`/api/quizzes/attempts/${encodeURIComponent(attempt.id)}/submit`, {
        method: "POST",
        body: { answers },
        response: SubmitAttemptResponse,
        session: true,
      });
      router.refresh();
      window.scrollTo({ top: 0 });
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-6" aria-label={attempt.quiz.title}>
      {attempt.items.map((item, position) => {
        const draft = drafts[position];
        if (!draft) return null;
        const name = `q${position}`;
        return (
          <ItemFrame
            key={position}
            position={position}
            total={attempt.items.length}
            type={item.type}
            prompt={item.prompt}
            html={highlighted[position]}
          >
            {(item.type === "order" || item.type === "dag-order") && item.lines ? (
              <OrderInput
                lines={item.lines}
                order={draft.order}
                onChange={(order) => update(position, { order })}
                label={`Question ${position + 1}: output lines in order`}
              />
            ) : item.type === "numeric" ? (
              <NumericInput
                id={name}
                unit={item.unit ?? ""}
                value={draft.numeric}
                onChange={(numeric) => update(position, { numeric })}
              />
            ) : (
              <ChoiceInput
                name={name}
                multiple={item.type === "multi" || item.type === "possible"}
                options={item.options ?? []}
                selected={draft.choice}
                onChange={(choice) => update(position, { choice })}
                mono={item.type === "race-line" || item.type === "possible"}
                labelledBy={`q${position}-prompt`}
              />
            )}
          </ItemFrame>
        );
      })}

      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center justify-between gap-3 border-t border-border bg-background/90 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:px-5">
        <p className="text-sm text-muted" aria-live="polite">
          {answered} of {attempt.items.length} answered
          {answered < attempt.items.length ? " — unanswered questions score 0" : ""}
        </p>
        <div className="flex items-center gap-3">
          {error ? (
            <p role="alert" className="text-sm text-fail">
              {error}
            </p>
          ) : null}
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Send aria-hidden />}
            Submit answers
          </Button>
        </div>
      </div>
    </form>
  );
}

import type { ReactNode } from "react";
import type { ItemType } from "@/exercises/quizzes/schema";
import { CodeView } from "./code-view";
import { InlineText } from "./inline-text";
import { ITEM_TYPE_HINT, ITEM_TYPE_LABEL } from "./item-meta";

/** One question: number, type, prompt and code, then the answer area (or its feedback). */
export function ItemFrame(props: {
  position: number;
  total: number;
  type: ItemType;
  prompt: string;
  html?: string;
  status?: ReactNode;
  children: ReactNode;
}) {
  const { position, total, type, prompt, html, status, children } = props;
  const headingId = `q${position}-prompt`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-border bg-surface p-5 shadow-xs sm:p-6"
      data-testid="quiz-item"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs font-medium tracking-wide text-muted uppercase">
          Question {position + 1} of {total} · <span className="text-primary">{ITEM_TYPE_LABEL[type]}</span>
        </p>
        {status}
      </div>
      <h2 id={headingId} className="mt-2 text-[16.5px] leading-relaxed font-medium text-pretty">
        <InlineText text={prompt} />
      </h2>
      {ITEM_TYPE_HINT[type] && !status ? <p className="mt-1 text-sm text-muted">{ITEM_TYPE_HINT[type]}</p> : null}
      {html ? <CodeView html={html} label={`Code for question ${position + 1}`} className="mt-4" /> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

import { Check, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { orderedPairs, scoreItem } from "@/exercises/quizzes/score";
import type { ItemResult } from "@/lib/quizzes/schemas";
import { InlineText } from "./inline-text";

function Mark({ good }: { good: boolean }) {
  return good ? (
    <Check className="size-4 shrink-0 text-pass" aria-label="correct" />
  ) : (
    <X className="size-4 shrink-0 text-fail" aria-label="wrong" />
  );
}

type Line = { id: string; text: string; explanation: string };

/** The key's lines, numbered, each with why it stands there; `good` marks each against the answer. */
function KeyLines({ lines, good }: { lines: readonly Line[]; good?: (line: Line, index: number) => boolean }) {
  return (
    <ol className="flex flex-col gap-2">
      {lines.map((line, i) => (
        <li key={line.id} className="rounded-lg border border-border px-3 py-2">
          <div className="flex items-center gap-2">
            <span className="w-4 text-right font-mono text-xs text-muted">{i + 1}</span>
            <code className="font-mono text-[13.5px]">{line.text}</code>
            {good ? (
              <span className="ml-auto">
                <Mark good={good(line, i)} />
              </span>
            ) : null}
          </div>
          <p className="mt-1 pl-6 text-sm leading-relaxed text-muted">{line.explanation}</p>
        </li>
      ))}
    </ol>
  );
}

/** The student's order, each line tinted (and with `marked`, marked) by `good`. */
function GivenOrder({
  ids,
  text,
  good,
  marked = false,
}: {
  ids: readonly string[];
  text: (id: string) => string | undefined;
  good: (id: string, index: number) => boolean;
  marked?: boolean;
}) {
  return (
    <ol className="flex flex-col gap-1.5">
      {ids.map((id, i) => (
        <li
          key={id}
          className={cn("flex items-center gap-2 rounded-md px-2 py-1", good(id, i) ? "bg-pass-soft" : "bg-fail-soft")}
        >
          <span className="w-4 text-right font-mono text-xs text-muted">{i + 1}</span>
          <code className="font-mono text-[13px]">{text(id)}</code>
          {marked ? (
            <span className="ml-auto">
              <Mark good={good(id, i)} />
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** How partial credit was counted, in the student's words (null for all-or-nothing items). */
function CreditNote({ result }: { result: ItemResult }) {
  if (result.correct || result.answer === null) return null;
  const scored = scoreItem(result.item, result.answer);
  // A floored multi-select answer scores 0: that is no credit, not "partial credit 0%".
  const lead = scored.score > 0 ? `Partial credit ${Math.round(scored.score * 100)}%` : "No credit";
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  let text: string | null = null;
  if (scored.pairs !== undefined && scored.kept !== undefined) {
    const what =
      result.item.type === "dag-order"
        ? ["ordering the program guarantees", "orderings the program guarantees"]
        : ["pair of lines", "pairs of lines"];
    text = `${lead}: your order keeps ${scored.kept} of the ${n(scored.pairs, what[0]!, what[1]!)}.`;
  } else if (scored.of !== undefined && scored.hits !== undefined && scored.falsePicks !== undefined) {
    const of =
      result.item.type === "possible" ? ["possible outcome", "possible outcomes"] : ["right option", "right options"];
    text = `${lead}: ${n(scored.hits, "right pick", "right picks")} − ${n(scored.falsePicks, "wrong pick", "wrong picks")}, out of ${n(scored.of, of[0]!, of[1]!)} (never below 0).`;
  }
  return text ? (
    <p
      className={cn(
        "rounded-lg border px-3 py-2 text-sm leading-relaxed",
        scored.score > 0 ? "border-error/30 bg-error-soft/60" : "border-fail/30 bg-fail-soft/60",
      )}
    >
      {text}
    </p>
  ) : null;
}

/** Every option (or line, or figure) with why it is right or wrong, and what the student gave. */
export function ItemFeedback({ result }: { result: ItemResult }) {
  return (
    <div className="flex flex-col gap-3">
      <CreditNote result={result} />
      <ItemKey result={result} />
    </div>
  );
}

function ItemKey({ result }: { result: ItemResult }) {
  const { item, answer } = result;
  if (item.type === "numeric") {
    const given = answer?.kind === "numeric" ? answer.value : null;
    const { answer: key, tolerance, unit, explanation, misconceptions } = item.numeric;
    const matched = result.misconception !== undefined ? misconceptions[result.misconception] : undefined;
    return (
      <div className="flex flex-col gap-3 text-[15px]">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-sm">
          <dt className="font-sans text-muted">Your answer</dt>
          <dd>{given === null ? "—" : `${given} ${unit}`}</dd>
          <dt className="font-sans text-muted">Expected</dt>
          <dd>
            {key} {unit} <span className="text-muted">{tolerance < 1 ? "(exactly)" : `(± ${tolerance})`}</span>
          </dd>
        </dl>
        <p className="leading-relaxed">{explanation}</p>
        {matched ? (
          <p className="rounded-lg border border-fail/30 bg-fail-soft px-3 py-2 leading-relaxed">
            <strong className="font-semibold">
              Why {matched.value} {unit} is tempting but wrong:
            </strong>{" "}
            {matched.explanation}
          </p>
        ) : null}
        {misconceptions.length > 0 && !matched ? (
          <ul className="flex flex-col gap-1 text-sm text-muted">
            {misconceptions.map((m) => (
              <li key={m.value}>
                <span className="font-mono">
                  {m.value} {unit}
                </span>
                : {m.explanation}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  if (item.type === "order") {
    const given = answer?.kind === "order" ? answer.lineIds : [];
    const byId = new Map(item.lines.map((l) => [l.id, l]));
    return (
      <div className="grid gap-4 md:grid-cols-[3fr_2fr]">
        <div>
          <h3 className="mb-2 text-sm font-medium">Correct order</h3>
          <KeyLines lines={item.lines} good={(line, i) => given[i] === line.id} />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-medium">Your order</h3>
          <GivenOrder ids={given} text={(id) => byId.get(id)?.text} good={(id, i) => item.lines[i]?.id === id} />
        </div>
      </div>
    );
  }
  if (item.type === "dag-order") {
    const given = answer?.kind === "order" ? answer.lineIds : [];
    const byId = new Map(item.lines.map((l) => [l.id, l]));
    const rank = new Map(given.map((id, i) => [id, i]));
    const broken = new Set(
      orderedPairs(item).flatMap(([a, b]) => ((rank.get(a) ?? 0) > (rank.get(b) ?? 0) ? [a, b] : [])),
    );
    return (
      <div className="grid gap-4 md:grid-cols-[3fr_2fr]">
        <div className="flex flex-col gap-3">
          <div>
            <h3 className="mb-2 text-sm font-medium">What must come before what</h3>
            <ul className="flex flex-col gap-1">
              {item.edges.map(([a, b]) => {
                const kept = given.length === 0 || (rank.get(a) ?? 0) < (rank.get(b) ?? 0);
                return (
                  <li
                    key={`${a}-${b}`}
                    className={cn(
                      "flex flex-wrap items-center gap-x-2 gap-y-0.5 rounded-md px-2 py-1",
                      kept ? "bg-surface-muted" : "bg-fail-soft",
                    )}
                  >
                    <code className="font-mono text-[13px] break-words">{byId.get(a)?.text}</code>{" "}
                    <span className="text-muted" aria-label="comes before">
                      →
                    </span>{" "}
                    <code className="font-mono text-[13px] break-words">{byId.get(b)?.text}</code>
                    {kept ? null : (
                      <>
                        {" "}
                        <span className="ml-auto text-xs font-medium text-fail">your order breaks this</span>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
            <p className="mt-1 text-sm text-muted">
              Lines with no path of arrows between them can come in either order.
            </p>
          </div>
          <div>
            <h3 className="mb-2 text-sm font-medium">One order the program can print</h3>
            <KeyLines lines={item.lines} />
          </div>
        </div>
        <div>
          <h3 className="mb-2 text-sm font-medium">Your order</h3>
          <GivenOrder ids={given} text={(id) => byId.get(id)?.text} good={(id) => !broken.has(id)} marked />
        </div>
      </div>
    );
  }
  const chosen = new Set(answer?.kind === "choice" ? answer.optionIds : []);
  const multiple = item.type === "multi" || item.type === "possible";
  return (
    <ul className="flex flex-col gap-2">
      {item.options.map((option) => {
        const picked = chosen.has(option.id);
        return (
          <li
            key={option.id}
            className={cn(
              "rounded-lg border px-3.5 py-2.5",
              option.correct
                ? "border-pass/40 bg-pass-soft/60"
                : picked
                  ? "border-fail/40 bg-fail-soft/60"
                  : "border-border",
            )}
          >
            <div className="flex items-start gap-2.5">
              <span className="mt-1">
                <Mark good={option.correct} />
              </span>
              <span
                className={cn(
                  "min-w-0 leading-relaxed break-words",
                  (item.type === "race-line" || item.type === "possible") && "font-mono text-[13.5px]",
                )}
              >
                <InlineText text={option.text} />
              </span>
              {picked ? (
                <span className="ml-auto shrink-0 rounded-full border border-current/30 px-2 py-0.5 text-xs font-medium">
                  Your answer
                </span>
              ) : option.correct && multiple && answer !== null ? (
                <span className="ml-auto shrink-0 rounded-full border border-dashed border-current/40 px-2 py-0.5 text-xs font-medium text-muted">
                  Not picked
                </span>
              ) : null}
            </div>
            <p className="mt-1 pl-6.5 text-sm leading-relaxed text-muted">{option.explanation}</p>
          </li>
        );
      })}
    </ul>
  );
}

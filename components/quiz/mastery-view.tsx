import { Badge, type BadgeTone } from "@/components/ui/badge";
import { type ConceptMastery, type MasteryLevel, MIN_EVIDENCE, RECENT_WINDOW } from "@/lib/quizzes/get-mastery";
import { ExerciseLinks } from "./exercise-links";

const LEVEL: Record<MasteryLevel, { label: string; tone: BadgeTone; bar: string }> = {
  solid: { label: "Solid", tone: "pass", bar: "bg-pass" },
  developing: { label: "Developing", tone: "info", bar: "bg-info" },
  "needs-practice": { label: "Needs practice", tone: "fail", bar: "bg-fail" },
  "too-early": { label: "Too early to tell", tone: "neutral", bar: "bg-border" },
  "not-started": { label: "Not tried yet", tone: "neutral", bar: "bg-border" },
};

/** Per-concept mastery from recent quiz answers, weakest first, with the exercises that train each. */
export function MasteryView({ mastery, titles }: { mastery: ConceptMastery[]; titles: ReadonlyMap<string, string> }) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">
        A level shows once you have answered {MIN_EVIDENCE} questions on a concept, and it follows your latest{" "}
        {RECENT_WINDOW}: solid from 80% (with at least {MIN_EVIDENCE} answers), developing from 50%.
      </p>
      <ul className="grid gap-3 md:grid-cols-2" data-testid="mastery">
        {mastery.map((m) => {
          const level = LEVEL[m.level];
          const percent = m.recent === null ? 0 : Math.round(m.recent * 100);
          return (
            <li
              key={m.concept}
              className="flex flex-col gap-2.5 rounded-xl border border-border bg-surface p-4 shadow-xs"
            >
              <div className="flex items-start justify-between gap-3">
                <h3 className="text-[15px] leading-snug font-medium">{m.label}</h3>
                <Badge tone={level.tone}>{level.label}</Badge>
              </div>
              <div className="flex items-center gap-3">
                <div
                  className="h-1.5 flex-1 overflow-hidden rounded-full bg-surface-muted"
                  role="meter"
                  aria-label={`${m.label} mastery`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                >
                  <div className={`h-full rounded-full ${level.bar}`} style={{ width: `${percent}%` }} />
                </div>
                <span className="w-28 text-right text-xs text-muted tabular-nums">
                  {m.recent === null
                    ? "no answers"
                    : m.level === "too-early"
                      ? `${m.answered} of ${MIN_EVIDENCE} answers`
                      : `${percent}% · ${m.answered} answer${m.answered === 1 ? "" : "s"}`}
                </span>
              </div>
              <ExerciseLinks ids={m.exercises} titles={titles} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import { CircleCheck, CircleX, CircleDashed } from "lucide-react";
import Link from "next/link";
import { ConceptTags } from "@/components/catalog/concept-tags";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CONCEPTS } from "@/exercises/quizzes/concepts";
import type { SubmittedAttempt } from "@/lib/quizzes/schemas";
import { ExerciseLinks } from "./exercise-links";
import { ItemFeedback } from "./item-feedback";
import { ItemFrame } from "./item-frame";
import { StartQuizButton } from "./start-quiz-button";

function ResultBadge({ score, correct, skipped }: { score: number; correct: boolean; skipped: boolean }) {
  if (skipped)
    return (
      <Badge>
        <CircleDashed aria-hidden />
        Skipped
      </Badge>
    );
  if (correct)
    return (
      <Badge tone="pass">
        <CircleCheck aria-hidden />
        Correct
      </Badge>
    );
  if (score > 0)
    return (
      <Badge tone="error">
        <CircleDashed aria-hidden />
        Partly right · {Math.round(score * 100)}%
      </Badge>
    );
  return (
    <Badge tone="fail">
      <CircleX aria-hidden />
      Not quite
    </Badge>
  );
}

export function QuizResults({
  attempt,
  highlighted,
  titles,
}: {
  attempt: SubmittedAttempt;
  highlighted: Record<number, string>;
  titles: ReadonlyMap<string, string>;
}) {
  const percent = Math.round((attempt.score / attempt.maxScore) * 100);
  const missed = attempt.results.filter((r) => !r.correct);
  const weakConcepts = [...new Set(missed.flatMap((r) => r.item.concepts))];
  return (
    <div className="flex flex-col gap-6">
      <section
        aria-labelledby="score-heading"
        className="rounded-xl border border-border bg-surface p-6 shadow-xs"
        data-testid="quiz-score"
      >
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-sm font-medium text-primary">Your score</p>
            <h2 id="score-heading" className="mt-1 text-4xl font-semibold tracking-tight tabular-nums">
              {attempt.score.toLocaleString("en", { maximumFractionDigits: 1 })} / {attempt.maxScore}
              <span className="ml-3 text-xl text-muted">{percent}%</span>
            </h2>
          </div>
          <div className="flex flex-wrap gap-3">
            <StartQuizButton quizId={attempt.quiz.id} retake />
            <Button asChild variant="secondary">
              <Link href="/quizzes">All quizzes and mastery</Link>
            </Button>
          </div>
        </div>
        <p className="mt-2 text-sm text-muted">
          Each question is worth 1 point. Select-all and ordering questions give part of a point for a partly right
          answer (how it was counted is shown under each); the others count only when right.
        </p>
        <div className="mt-4 h-2 overflow-hidden rounded-full bg-surface-muted" aria-hidden>
          <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
        </div>
        {weakConcepts.length > 0 ? (
          <div className="mt-5">
            <p className="text-sm text-muted">Worth practising:</p>
            <ul className="mt-2 flex flex-col gap-2">
              {weakConcepts.map((c) => {
                const concept = CONCEPTS[c];
                return (
                  <li key={c} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="text-sm font-medium">{concept.label}</span>
                    <ExerciseLinks ids={concept.exercises} titles={titles} />
                  </li>
                );
              })}
            </ul>
          </div>
        ) : (
          <p className="mt-4 text-sm text-muted">Everything right. Retake for new variants, or try another quiz.</p>
        )}
      </section>

      {attempt.results.map((result) => (
        <ItemFrame
          key={result.position}
          position={result.position}
          total={attempt.results.length}
          type={result.item.type}
          prompt={result.item.prompt}
          html={highlighted[result.position]}
          status={<ResultBadge score={result.score} correct={result.correct} skipped={result.answer === null} />}
        >
          <ItemFeedback result={result} />
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-border pt-3">
            <ConceptTags concepts={result.item.concepts} />
            <ExerciseLinks ids={result.item.exercises} titles={titles} />
          </div>
        </ItemFrame>
      ))}
    </div>
  );
}

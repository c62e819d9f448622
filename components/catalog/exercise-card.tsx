import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { ConceptTags } from "./concept-tags";
import { DifficultyBadge } from "./difficulty-badge";
import { exerciseHref } from "./tracks";

export type ExerciseCardData = {
  id: string;
  title: string;
  summary: string;
  difficulty: string;
  concepts: readonly string[];
};

/** The whole card is one link; its title is the accessible name, the rest is its description. */
export function ExerciseCard({ exercise, index }: { exercise: ExerciseCardData; index: number }) {
  const descriptionId = `exercise-${exercise.id.replace(/[^a-z0-9-]/gi, "-")}-summary`;
  return (
    <li className="h-full">
      <Link
        href={exerciseHref(exercise.id)}
        aria-describedby={descriptionId}
        className="group flex h-full flex-col gap-3 rounded-xl border border-border bg-surface p-5 shadow-xs transition-all hover:-translate-y-0.5 hover:border-primary/40 hover:shadow-md"
      >
        <div className="flex items-start justify-between gap-3">
          <span className="font-mono text-xs text-muted tabular-nums">{String(index + 1).padStart(2, "0")}</span>
          <DifficultyBadge difficulty={exercise.difficulty} />
        </div>
        <h3 className="text-base leading-snug font-semibold tracking-tight group-hover:text-primary">
          {exercise.title}
        </h3>
        <p id={descriptionId} className="line-clamp-4 text-sm leading-relaxed text-muted">
          {exercise.summary}
        </p>
        <div className="mt-auto flex items-end justify-between gap-3 pt-2">
          <ConceptTags concepts={exercise.concepts} />
          <ArrowRight
            className="size-4 shrink-0 text-muted transition-transform group-hover:translate-x-0.5 group-hover:text-primary"
            aria-hidden
          />
        </div>
      </Link>
    </li>
  );
}

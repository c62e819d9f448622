import { Hourglass } from "lucide-react";
import { ExerciseCard, type ExerciseCardData } from "./exercise-card";

type TrackSectionProps = {
  id: string;
  label: string;
  blurb: string;
  exercises: readonly ExerciseCardData[];
};

export function TrackSection({ id, label, blurb, exercises }: TrackSectionProps) {
  const headingId = `track-${id}`;
  return (
    <section aria-labelledby={headingId} className="scroll-mt-20">
      <div className="mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-xl font-semibold tracking-tight">
          {label}
        </h2>
        <span className="text-sm text-muted">
          {exercises.length === 0 ? "coming soon" : `${exercises.length} exercise${exercises.length === 1 ? "" : "s"}`}
        </span>
        <p className="w-full text-sm text-muted">{blurb}</p>
      </div>
      {exercises.length === 0 ? (
        <div className="flex items-center gap-3 rounded-xl border border-dashed border-border px-5 py-6 text-sm text-muted">
          <Hourglass className="size-5 shrink-0" aria-hidden />
          <p>No {label} exercises yet. They will appear here as soon as they are published.</p>
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {exercises.map((exercise, index) => (
            <ExerciseCard key={exercise.id} exercise={exercise} index={index} />
          ))}
        </ul>
      )}
    </section>
  );
}

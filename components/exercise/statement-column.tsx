import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { ConceptTags } from "@/components/catalog/concept-tags";
import { DifficultyBadge } from "@/components/catalog/difficulty-badge";
import { trackLabel } from "@/components/catalog/tracks";
import { Statement } from "./statement";

type StatementColumnProps = {
  exercise: {
    track: string;
    title: string;
    summary: string;
    difficulty: string;
    concepts: readonly string[];
    statement: string;
  };
};

/** The left column: where you are, what the exercise is, then the statement itself. */
export async function StatementColumn({ exercise }: StatementColumnProps) {
  return (
    <div className="px-6 pt-5 pb-12">
      <nav aria-label="Breadcrumb" className="text-[13px] text-muted">
        <ol className="flex items-center gap-1">
          <li>
            <Link href="/" className="rounded hover:text-foreground">
              Exercises
            </Link>
          </li>
          <ChevronRight className="size-3.5" aria-hidden />
          <li>
            <Link href={`/#track-${exercise.track}`} className="rounded hover:text-foreground">
              {trackLabel(exercise.track)}
            </Link>
          </li>
        </ol>
      </nav>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight text-balance">{exercise.title}</h1>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <DifficultyBadge difficulty={exercise.difficulty} />
        <ConceptTags concepts={exercise.concepts} />
      </div>
      {exercise.track === "ts" ? (
        <p className="mt-3 text-[13px] text-muted">
          Your code runs with the{" "}
          <Link href="/docs/ts" className="font-medium text-primary underline-offset-2 hover:underline">
            interleave module
          </Link>{" "}
          — spawn, channels, sleep, io and how the grader measures them.
        </p>
      ) : exercise.track === "rust" ? (
        <p className="mt-3 text-[13px] text-muted">
          Built with rustc, tokio and rayon —{" "}
          <Link href="/docs/rust" className="font-medium text-primary underline-offset-2 hover:underline">
            how Rust submissions are built and graded
          </Link>
          : crates, the paused clock, stalls and work spread.
        </p>
      ) : null}
      <hr className="my-5 border-border" />
      <Statement markdown={stripLeadingTitle(exercise.statement, exercise.title)} />
    </div>
  );
}

/** The page already shows the title; drop a first-line "# Title" from the Markdown. */
function stripLeadingTitle(markdown: string, title: string): string {
  const match = /^\s*#\s+(.+)\n/.exec(markdown);
  return match && match[1]?.trim().toLowerCase() === title.trim().toLowerCase()
    ? markdown.slice(match[0].length)
    : markdown;
}

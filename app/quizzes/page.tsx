import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { connection } from "next/server";
import { ConceptTags } from "@/components/catalog/concept-tags";
import { MasteryView } from "@/components/quiz/mastery-view";
import { StartQuizButton } from "@/components/quiz/start-quiz-button";
import { Badge } from "@/components/ui/badge";
import { getQuizzes } from "@/exercises/quizzes/catalog";
import { getViewer } from "@/lib/auth/viewer";
import { listExercises } from "@/lib/exercises/list-exercises";
import { getMastery, masteryFrom } from "@/lib/quizzes/get-mastery";
import { listAttempts } from "@/lib/quizzes/list-attempts";

export const metadata: Metadata = {
  title: "Quizzes",
  description: "Check what you understood about concurrency, and find what to practise next.",
};

export default async function QuizzesPage() {
  await connection();
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  const [exercises, attempts, mastery] = await Promise.all([
    listExercises(),
    viewer ? listAttempts({ userId: viewer.id }) : [],
    viewer ? getMastery({ userId: viewer.id }) : masteryFrom([]),
  ]);
  const titles = new Map(exercises.map((e) => [e.id, e.title]));
  const quizzes = getQuizzes();

  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-12 pb-20 sm:px-6">
      <section className="max-w-3xl">
        <p className="text-sm font-medium text-primary">Self-assessment</p>
        <h1 className="mt-2 text-4xl font-semibold tracking-tight text-balance">Quizzes that find the misconception</h1>
        <p className="mt-4 text-lg leading-relaxed text-muted text-pretty">
          Predict output order, estimate timings, decide whether Rust compiles it, spot the racing line, and choose
          between threads, async tasks, rayon and workers. Every answer comes with why — and a retake draws new
          questions.
        </p>
      </section>

      <ul className="mt-10 grid gap-4 md:grid-cols-2">
        {quizzes.map((quiz) => {
          const mine = attempts.filter((a) => a.quizId === quiz.id);
          const open = mine.find((a) => a.submittedAt === null);
          const last = mine.find((a) => a.submittedAt !== null);
          const concepts = [...new Set(quiz.definitions.flatMap((d) => d.concepts))];
          return (
            <li key={quiz.id} className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-5 shadow-xs">
              <div className="flex items-start justify-between gap-3">
                <h2 className="text-lg leading-snug font-semibold tracking-tight">{quiz.title}</h2>
                <Badge>{quiz.items.length} questions</Badge>
              </div>
              <p className="text-sm leading-relaxed text-muted">{quiz.summary}</p>
              <ConceptTags concepts={concepts} />
              <div className="mt-auto flex flex-wrap items-center gap-3 pt-2">
                <StartQuizButton quizId={quiz.id} retake={Boolean(last)} variant={open ? "secondary" : "primary"} />
                {open ? (
                  <Link
                    href={`/quizzes/attempts/${open.id}`}
                    className="text-sm font-medium text-primary underline-offset-2 hover:underline"
                  >
                    Resume open attempt
                  </Link>
                ) : null}
                {last && last.score !== null ? (
                  <Link
                    href={`/quizzes/attempts/${last.id}`}
                    className="ml-auto text-sm text-muted underline-offset-2 hover:underline"
                  >
                    Last score {last.score.toLocaleString("en", { maximumFractionDigits: 1 })} / {last.maxScore}
                  </Link>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>

      <section aria-labelledby="mastery-heading" className="mt-16">
        <h2 id="mastery-heading" className="text-2xl font-semibold tracking-tight">
          Your mastery by concept
        </h2>
        <p className="mt-2 max-w-3xl text-muted">
          From your {mastery.reduce((n, m) => n + m.answered, 0) > 0 ? "most recent" : "future"} quiz answers (the
          latest six per concept count). Weakest concepts come first, each with the exercises that train it.
        </p>
        <div className="mt-6">
          <MasteryView mastery={mastery} titles={titles} />
        </div>
      </section>
    </div>
  );
}

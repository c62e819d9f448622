import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft } from "lucide-react";
import { highlightAll } from "@/components/quiz/highlight";
import { QuizForm } from "@/components/quiz/quiz-form";
import { QuizResults } from "@/components/quiz/quiz-results";
import { getViewer } from "@/lib/auth/viewer";
import { listExercises } from "@/lib/exercises/list-exercises";
import { getAttempt } from "@/lib/quizzes/get-attempt";

type Params = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const loadAttempt = cache(async (id: string) => {
  if (!UUID.test(id)) return null;
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  return viewer ? getAttempt({ userId: viewer.id, attemptId: id }) : null;
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const attempt = await loadAttempt((await params).id);
  return { title: attempt ? attempt.quiz.title : "Quiz attempt not found" };
}

export default async function AttemptPage({ params }: Params) {
  const attempt = await loadAttempt((await params).id);
  if (!attempt) notFound();
  const codes = attempt.state === "open" ? attempt.items.map((i) => i.code) : attempt.results.map((r) => r.item.code);
  const [highlighted, exercises] = await Promise.all([highlightAll(codes), listExercises()]);

  return (
    <div className="mx-auto w-full max-w-3xl px-4 pt-8 pb-20 sm:px-6">
      <Link href="/quizzes" className="inline-flex items-center gap-1.5 text-sm text-muted hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        All quizzes
      </Link>
      <header className="mt-4 mb-8">
        <p className="text-sm font-medium text-primary">{attempt.state === "open" ? "Quiz" : "Results"}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight text-balance">{attempt.quiz.title}</h1>
        <p className="mt-2 leading-relaxed text-muted">{attempt.quiz.summary}</p>
      </header>
      {attempt.state === "open" ? (
        <QuizForm attempt={attempt} highlighted={highlighted} />
      ) : (
        <QuizResults
          attempt={attempt}
          highlighted={highlighted}
          titles={new Map(exercises.map((e) => [e.id, e.title]))}
        />
      )}
    </div>
  );
}

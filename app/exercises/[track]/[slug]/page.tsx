import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatementColumn } from "@/components/exercise/statement-column";
import { Workspace } from "@/components/workspace/workspace";
import { getViewer } from "@/lib/auth/viewer";
import { getDraft } from "@/lib/drafts/get-draft";
import { getExercise } from "@/lib/exercises/get-exercise";
import { listSubmissions } from "@/lib/submissions/list-submissions";
import { loadEditorTypes } from "./editor-types";

type Params = { params: Promise<{ track: string; slug: string }> };

const SEGMENT = /^[a-z0-9-]{1,100}$/;

// generateMetadata and the page both need the exercise; one query per request.
const loadExercise = cache(async (track: string, slug: string) =>
  SEGMENT.test(track) && SEGMENT.test(slug) ? getExercise({ trackSlug: `${track}/${slug}` }) : null,
);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { track, slug } = await params;
  const exercise = await loadExercise(track, slug);
  return exercise ? { title: exercise.title, description: exercise.summary } : { title: "Exercise not found" };
}

export default async function ExercisePage({ params }: Params) {
  const { track, slug } = await params;
  const exercise = await loadExercise(track, slug);
  if (!exercise) notFound();

  // Reading only: a first visit has no session yet, and the browser creates one (see Workspace).
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  const [draft, history, editorTypes] = await Promise.all([
    viewer ? getDraft({ userId: viewer.id, trackSlug: exercise.id }) : null,
    viewer ? listSubmissions({ userId: viewer.id, trackSlug: exercise.id, limit: 50 }) : [],
    exercise.language === "typescript" ? loadEditorTypes(exercise.track) : [],
  ]);

  return (
    <Workspace
      exercise={{ id: exercise.id, language: exercise.language, starter: exercise.starter, hints: exercise.hints }}
      initialCode={draft?.code ?? exercise.starter}
      draftSavedAt={draft?.updatedAt.toISOString() ?? null}
      initialHistory={history}
      userId={viewer?.id ?? null}
      editorTypes={editorTypes}
      statement={<StatementColumn exercise={exercise} />}
    />
  );
}

import { z } from "zod";
import { getDraft } from "@/lib/drafts/get-draft";
import { saveDraft } from "@/lib/drafts/save-draft";
import type { DraftResponse } from "@/lib/http/api-types";
import { Code, ExerciseSlug } from "@/lib/http/schemas";
import { withOptionalUser, withUser } from "@/lib/http/with-user";

const SaveDraftRequest = z.object({ exerciseId: ExerciseSlug, code: Code });

/** Autosave: the latest editor contents for one exercise (code rules as for submissions). */
export const PUT = withUser({ body: SaveDraftRequest }, async ({ viewer, body }) => {
  const saved = await saveDraft({ userId: viewer.id, exerciseSlug: body.exerciseId, code: body.code });
  return Response.json({ updatedAt: saved.updatedAt.toISOString() });
});

export const GET = withOptionalUser({ query: z.object({ exerciseId: ExerciseSlug }) }, async ({ viewer, query }) => {
  const draft = viewer ? await getDraft({ userId: viewer.id, exerciseSlug: query.exerciseId }) : null;
  const body: DraftResponse = { draft: draft && { code: draft.code, updatedAt: draft.updatedAt.toISOString() } };
  return Response.json(body);
});

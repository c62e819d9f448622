import type { z } from "zod";
import { getDraft } from "@/lib/drafts/get-draft";
import { saveDraft } from "@/lib/drafts/save-draft";
import { DraftQuery, type DraftResponse, SaveDraftRequest, type SaveDraftResponse } from "@/lib/drafts/schemas";
import { withOptionalUser, withUser } from "@/lib/http/with-user";

/** Autosave: the latest editor contents for one exercise (code rules as for submissions). */
export const PUT = withUser({ body: SaveDraftRequest }, async ({ viewer, body }) => {
  const saved = await saveDraft({ userId: viewer.id, trackSlug: body.exerciseId, code: body.code });
  return Response.json({ updatedAt: saved.updatedAt.toISOString() } satisfies z.input<typeof SaveDraftResponse>);
});

export const GET = withOptionalUser({ query: DraftQuery }, async ({ viewer, query }) => {
  const draft = viewer ? await getDraft({ userId: viewer.id, trackSlug: query.exerciseId }) : null;
  const body: z.input<typeof DraftResponse> = {
    draft: draft && { code: draft.code, updatedAt: draft.updatedAt.toISOString() },
  };
  return Response.json(body);
});

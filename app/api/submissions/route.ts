import { z } from "zod";
import type { SubmissionListResponse, SubmitResponse } from "@/lib/http/api-types";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { ExerciseSlug } from "@/lib/http/schemas";
import { withOptionalUser, withUser } from "@/lib/http/with-user";
import { createSubmission } from "@/lib/submissions/create-submission";
import { listSubmissions } from "@/lib/submissions/list-submissions";
import { SubmitRequest } from "@/lib/submissions/schemas";

/** Submit code for grading: 202 with the ids to poll; the grader worker does the rest. */
export const POST = withUser({ body: SubmitRequest }, async ({ request, viewer, body }) => {
  const created = await createSubmission({
    userId: viewer.id,
    exerciseSlug: body.exerciseId,
    code: body.code,
    clientIp: clientIpFromHeaders(request.headers),
  });
  return Response.json(created satisfies SubmitResponse, { status: 202 });
});

/** The viewer's submissions for one exercise, newest first. */
export const GET = withOptionalUser({ query: z.object({ exerciseId: ExerciseSlug }) }, async ({ viewer, query }) => {
  if (!viewer) return Response.json({ submissions: [] } satisfies z.input<typeof SubmissionListResponse>);
  const items = await listSubmissions({ userId: viewer.id, exerciseSlug: query.exerciseId, limit: 50 });
  const submissions = items.map((item) => ({
    id: item.id,
    createdAt: item.createdAt.toISOString(),
    state: item.state,
    status: item.status ?? null,
    reason: item.reason ?? null,
    score: item.score ?? null,
  }));
  return Response.json({ submissions } satisfies z.input<typeof SubmissionListResponse>);
});

import type { z } from "zod";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { withOptionalUser, withUser } from "@/lib/http/with-user";
import { createSubmission } from "@/lib/submissions/create-submission";
import { listSubmissions } from "@/lib/submissions/list-submissions";
import {
  SubmissionListQuery,
  type SubmissionListResponse,
  SubmitRequest,
  type SubmitResponse,
} from "@/lib/submissions/schemas";

/** Submit code for grading: 202 with the ids to poll; the grader worker does the rest. */
export const POST = withUser({ body: SubmitRequest }, async ({ request, viewer, body }) => {
  const created = await createSubmission({
    userId: viewer.id,
    trackSlug: body.exerciseId,
    code: body.code,
    clientIp: clientIpFromHeaders(request.headers),
  });
  return Response.json(created satisfies z.input<typeof SubmitResponse>, { status: 202 });
});

/** The viewer's submissions for one exercise, newest first. */
export const GET = withOptionalUser({ query: SubmissionListQuery }, async ({ viewer, query }) => {
  if (!viewer) return Response.json({ submissions: [] } satisfies z.input<typeof SubmissionListResponse>);
  const items = await listSubmissions({ userId: viewer.id, trackSlug: query.exerciseId, limit: 50 });
  return Response.json({ submissions: items } satisfies z.input<typeof SubmissionListResponse>);
});

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { Uuid } from "@/lib/http/schemas";
import { withOptionalUser } from "@/lib/http/with-user";
import { getSubmission } from "@/lib/submissions/get-submission";
import type { SubmissionResponse } from "@/lib/submissions/schemas";

/** One submission with its latest grading run; only its owner sees it (everyone else gets 404). */
export const GET = withOptionalUser({ params: z.object({ id: Uuid }) }, async ({ viewer, params }) => {
  const view = viewer ? await getSubmission({ userId: viewer.id, submissionId: params.id }) : null;
  if (!view) throw new AppError("not_found", "Submission not found.");
  const body: z.input<typeof SubmissionResponse> = {
    submission: {
      id: view.id,
      exerciseId: view.trackSlug,
      code: view.code,
      createdAt: view.createdAt.toISOString(),
      run: view.run,
    },
  };
  return Response.json(body);
});

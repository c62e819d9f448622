import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { SubmissionResponse } from "@/lib/http/api-types";
import { withOptionalUser } from "@/lib/http/with-user";
import { getSubmission } from "@/lib/submissions/get-submission";

const notFound = () => new AppError("not_found", "Submission not found.");

/** One submission with its latest grading run; only its owner sees it (everyone else gets 404). */
export const GET = withOptionalUser<{ id: string }>({}, async ({ viewer, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success || !viewer) throw notFound();
  const view = await getSubmission({ userId: viewer.id, submissionId: id.data });
  if (!view) throw notFound();
  const body: SubmissionResponse = {
    submission: {
      id: view.id,
      exerciseId: view.exerciseSlug,
      code: view.code,
      createdAt: view.createdAt.toISOString(),
      run: view.run,
    },
  };
  return Response.json(body);
});

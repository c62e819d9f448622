import { z } from "zod";
import { AppError } from "@/lib/errors";
import { withUser } from "@/lib/http/with-user";
import { SubmitAnswersRequest } from "@/lib/quizzes/schemas";
import { submitAttempt } from "@/lib/quizzes/submit-attempt";

/** Submit answers once; the server scores them and returns the results with explanations. */
export const POST = withUser<{ id: string }, typeof SubmitAnswersRequest>({ body: SubmitAnswersRequest }, async ({ viewer, params, body }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError("not_found", "Quiz attempt not found.");
  const attempt = await submitAttempt({ userId: viewer.id, attemptId: id.data, answers: body.answers });
  return Response.json({ attempt });
});

import { z } from "zod";
import { Uuid } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";
import { SubmitAnswersRequest, type SubmitAttemptResponse } from "@/lib/quizzes/schemas";
import { submitAttempt } from "@/lib/quizzes/submit-attempt";

/** Submit answers once; the server scores them and returns the results with explanations. */
export const POST = withUser(
  { params: z.object({ id: Uuid }), body: SubmitAnswersRequest },
  async ({ viewer, params, body }) => {
    const attempt = await submitAttempt({ userId: viewer.id, attemptId: params.id, answers: body.answers });
    return Response.json({ attempt } satisfies z.input<typeof SubmitAttemptResponse>);
  },
);

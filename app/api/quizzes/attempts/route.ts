import { z } from "zod";
import { QuizId } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";
import type { StartAttemptResponse } from "@/lib/quizzes/schemas";
import { startAttempt } from "@/lib/quizzes/start-attempt";

const StartAttemptRequest = z.object({ quizId: QuizId });

/** Start (or retake) a quiz: a new attempt with a new seed, so new variants. */
export const POST = withUser({ body: StartAttemptRequest }, async ({ viewer, body }) => {
  const started = await startAttempt({ userId: viewer.id, quizId: body.quizId });
  return Response.json(started satisfies z.infer<typeof StartAttemptResponse>, { status: 201 });
});

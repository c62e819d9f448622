import type { z } from "zod";
import { withUser } from "@/lib/http/with-user";
import { StartAttemptRequest, type StartAttemptResponse } from "@/lib/quizzes/schemas";
import { startAttempt } from "@/lib/quizzes/start-attempt";

/** Start (or retake) a quiz: a new attempt with a new seed, so new variants. */
export const POST = withUser({ body: StartAttemptRequest }, async ({ viewer, body }) => {
  const started = await startAttempt({ userId: viewer.id, quizId: body.quizId });
  return Response.json(started satisfies z.input<typeof StartAttemptResponse>, { status: 201 });
});

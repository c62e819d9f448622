import { z } from "zod";
import { AppError } from "@/lib/errors";
import { Uuid } from "@/lib/http/schemas";
import { withOptionalUser } from "@/lib/http/with-user";
import { getAttempt } from "@/lib/quizzes/get-attempt";
import type { AttemptResponse } from "@/lib/quizzes/schemas";

/** The attempt: questions without answers while open, results with explanations once submitted. */
export const GET = withOptionalUser({ params: z.object({ id: Uuid }) }, async ({ viewer, params }) => {
  const attempt = viewer ? await getAttempt({ userId: viewer.id, attemptId: params.id }) : null;
  if (!attempt) throw new AppError("not_found", "Quiz attempt not found.");
  return Response.json({ attempt } satisfies z.input<typeof AttemptResponse>);
});

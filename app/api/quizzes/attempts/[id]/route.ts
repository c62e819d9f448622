import { z } from "zod";
import { AppError } from "@/lib/errors";
import { withOptionalUser } from "@/lib/http/with-user";
import { getAttempt } from "@/lib/quizzes/get-attempt";

const notFound = () => new AppError("not_found", "Quiz attempt not found.");

/** The attempt: questions without answers while open, results with explanations once submitted. */
export const GET = withOptionalUser<{ id: string }>({}, async ({ viewer, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success || !viewer) throw notFound();
  const attempt = await getAttempt({ userId: viewer.id, attemptId: id.data });
  if (!attempt) throw notFound();
  return Response.json({ attempt });
});

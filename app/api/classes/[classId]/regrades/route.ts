// Start a regrade of one exercise for a class's students (teacher of the class only:
// 401 anonymous, 403 student, 404 someone else's class, 409 while one is still running).
import { z } from "zod";
import { Uuid } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";
import { startRegrade } from "@/lib/regrade/start-regrade";
import { StartRegradeRequest, type StartRegradeResponse } from "@/lib/regrade/schemas";

export const POST = withUser(
  { role: "teacher", params: z.object({ classId: Uuid }), body: StartRegradeRequest },
  async ({ viewer, params, body }) => {
    const started = await startRegrade({ viewer, classId: params.classId, trackSlug: body.exerciseId });
    return Response.json(started satisfies z.input<typeof StartRegradeResponse>, { status: 201 });
  },
);

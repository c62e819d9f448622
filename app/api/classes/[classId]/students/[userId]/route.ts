// Remove a student from a class the viewer teaches; their own work is kept.
import { z } from "zod";
import { removeStudent } from "@/lib/classes/remove-student";
import { UserId, Uuid } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";

export const DELETE = withUser(
  { role: "teacher", params: z.object({ classId: Uuid, userId: UserId }) },
  async ({ viewer, params }) => {
    await removeStudent({ viewer, classId: params.classId, userId: params.userId });
    return new Response(null, { status: 204 });
  },
);

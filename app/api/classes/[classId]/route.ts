// Rename or archive a class the viewer teaches (another teacher's class answers 404).
import { z } from "zod";
import { UpdateClassRequest, type UpdateClassResponse } from "@/lib/classes/schemas";
import { updateClass } from "@/lib/classes/update-class";
import { Uuid } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";

export const PATCH = withUser(
  { role: "teacher", params: z.object({ classId: Uuid }), body: UpdateClassRequest },
  async ({ viewer, params, body }) => {
    const updated = await updateClass({ viewer, classId: params.classId, changes: body });
    return Response.json({ class: updated } satisfies z.input<typeof UpdateClassResponse>);
  },
);

// Change an assignment's due date, or take it off the class.
import { z } from "zod";
import { removeAssignment } from "@/lib/classes/remove-assignment";
import { UpdateAssignmentRequest, type UpdateAssignmentResponse } from "@/lib/classes/schemas";
import { updateAssignment } from "@/lib/classes/update-assignment";
import { Uuid } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";

const params = z.object({ classId: Uuid, assignmentId: Uuid });

export const PATCH = withUser(
  { role: "teacher", params, body: UpdateAssignmentRequest },
  async ({ viewer, params, body }) => {
    const updated = await updateAssignment({
      viewer,
      classId: params.classId,
      assignmentId: params.assignmentId,
      dueAt: body.dueAt,
    });
    return Response.json({
      assignment: { id: updated.id, dueAt: updated.dueAt?.toISOString() ?? null },
    } satisfies z.input<typeof UpdateAssignmentResponse>);
  },
);

export const DELETE = withUser({ role: "teacher", params }, async ({ viewer, params }) => {
  await removeAssignment({ viewer, classId: params.classId, assignmentId: params.assignmentId });
  return new Response(null, { status: 204 });
});

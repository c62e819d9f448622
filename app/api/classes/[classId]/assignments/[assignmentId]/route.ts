// Change an assignment's due date, or take it off the class.
import { removeAssignment } from "@/lib/classes/remove-assignment";
import { UpdateAssignmentRequest } from "@/lib/classes/schemas";
import { updateAssignment } from "@/lib/classes/update-assignment";
import { withOptionalUser } from "@/lib/http/with-user";

type Params = { classId: string; assignmentId: string };

export const PATCH = withOptionalUser<Params, typeof UpdateAssignmentRequest>(
  { body: UpdateAssignmentRequest },
  async ({ viewer, params, body }) => {
    const updated = await updateAssignment({ viewer, classId: params.classId, assignmentId: params.assignmentId, dueAt: body.dueAt });
    return Response.json({ assignment: updated });
  },
);

export const DELETE = withOptionalUser<Params>({}, async ({ viewer, params }) => {
  await removeAssignment({ viewer, classId: params.classId, assignmentId: params.assignmentId });
  return new Response(null, { status: 204 });
});

// A class's assignments: list them, or set a new exercise or quiz (optionally with a due date).
import { addAssignment } from "@/lib/classes/add-assignment";
import { listAssignments } from "@/lib/classes/list-assignments";
import { AddAssignmentRequest } from "@/lib/classes/schemas";
import { withOptionalUser } from "@/lib/http/with-user";

type Params = { classId: string };

export const GET = withOptionalUser<Params>({}, async ({ viewer, params }) => {
  return Response.json({ assignments: await listAssignments({ viewer, classId: params.classId }) });
});

export const POST = withOptionalUser<Params, typeof AddAssignmentRequest>({ body: AddAssignmentRequest }, async ({ viewer, params, body }) => {
  const created = await addAssignment({ viewer, classId: params.classId, assignment: body });
  return Response.json({ assignment: created }, { status: 201 });
});

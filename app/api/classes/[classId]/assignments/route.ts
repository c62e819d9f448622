// A class's assignments: list them, or set a new exercise or quiz (optionally with a due date).
import { z } from "zod";
import { addAssignment } from "@/lib/classes/add-assignment";
import { listAssignments } from "@/lib/classes/list-assignments";
import { AddAssignmentRequest, type AddAssignmentResponse } from "@/lib/classes/schemas";
import { Uuid } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";

const params = z.object({ classId: Uuid });

export const GET = withUser({ role: "teacher", params }, async ({ viewer, params }) => {
  return Response.json({ assignments: await listAssignments({ viewer, classId: params.classId }) });
});

export const POST = withUser(
  { role: "teacher", params, body: AddAssignmentRequest },
  async ({ viewer, params, body }) => {
    const created = await addAssignment({ viewer, classId: params.classId, assignment: body });
    return Response.json({ assignment: created } satisfies z.input<typeof AddAssignmentResponse>, {
      status: 201,
    });
  },
);

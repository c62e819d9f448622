// Remove a student from a class the viewer teaches; their own work is kept.
import { removeStudent } from "@/lib/classes/remove-student";
import { withOptionalUser } from "@/lib/http/with-user";

export const DELETE = withOptionalUser<{ classId: string; userId: string }>({}, async ({ viewer, params }) => {
  await removeStudent({ viewer, classId: params.classId, userId: params.userId });
  return new Response(null, { status: 204 });
});

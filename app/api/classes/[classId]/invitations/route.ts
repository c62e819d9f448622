// Invite students to a class by email (the class's teacher only): one invitation mail each.
import { InviteRequest, inviteStudents } from "@/lib/classes/invite-students";
import { withOptionalUser } from "@/lib/http/with-user";

export const POST = withOptionalUser<{ classId: string }, typeof InviteRequest>({ body: InviteRequest }, async ({ viewer, params, body }) => {
  const result = await inviteStudents({ viewer, classId: params.classId, emails: body.emails });
  return Response.json(result, { status: 202 });
});

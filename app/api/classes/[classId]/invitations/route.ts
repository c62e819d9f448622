// Invite students to a class by email (the class's teacher only): one invitation mail each.
import { z } from "zod";
import { inviteStudents } from "@/lib/classes/invite-students";
import { InviteRequest, type InviteResponse } from "@/lib/classes/schemas";
import { Uuid } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";

export const POST = withUser(
  { role: "teacher", params: z.object({ classId: Uuid }), body: InviteRequest },
  async ({ viewer, params, body }) => {
    const result = await inviteStudents({ viewer, classId: params.classId, emails: body.emails });
    return Response.json(result satisfies z.input<typeof InviteResponse>, { status: 202 });
  },
);

// A signed-in student joins a class with its code (idempotent: joining again answers 200).
import { joinClass } from "@/lib/classes/join-class";
import type { z } from "zod";
import { JoinClassRequest, type JoinClassResponse } from "@/lib/classes/schemas";
import { withOptionalUser } from "@/lib/http/with-user";

export const POST = withOptionalUser({ body: JoinClassRequest }, async ({ viewer, body }) => {
  const joined = await joinClass({ viewer, code: body.code });
  return Response.json(
    {
      classId: joined.classId,
      name: joined.name,
      alreadyMember: joined.alreadyMember,
    } satisfies z.input<typeof JoinClassResponse>,
    { status: joined.alreadyMember ? 200 : 201 },
  );
});

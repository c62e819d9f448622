import { z } from "zod";
import { requireAdmin } from "@/lib/auth/require-admin";
import { SetRoleRequest, type SetRoleResponse } from "@/lib/auth/schemas";
import { setUserRole } from "@/lib/auth/set-user-role";
import { UserId } from "@/lib/http/schemas";
import { withUser } from "@/lib/http/with-user";

/** An admin changes another user's role (promote a student to teacher, …). */
export const PUT = withUser(
  { role: "admin", params: z.object({ userId: UserId }), body: SetRoleRequest },
  async ({ viewer, params, body }) => {
    const admin = await requireAdmin({ viewer });
    const changed = await setUserRole({ user: { id: params.userId }, role: body.role, actorId: admin.id });
    return Response.json({
      user: { id: changed.id, role: changed.role, previous: changed.previous },
    } satisfies z.input<typeof SetRoleResponse>);
  },
);

import { z } from "zod";
import { requireAdmin } from "@/lib/auth/require-admin";
import { UserRole } from "@/lib/auth/roles";
import { setUserRole } from "@/lib/auth/set-user-role";
import { withOptionalUser } from "@/lib/http/with-user";

const SetRoleRequest = z.object({ role: UserRole });

/** An admin changes another user's role (promote a student to teacher, …). */
export const PUT = withOptionalUser<{ userId: string }, typeof SetRoleRequest>(
  { body: SetRoleRequest },
  async ({ viewer, params, body }) => {
    const admin = await requireAdmin({ viewer });
    const userId = z.string().min(1).max(200).parse(params.userId);
    const changed = await setUserRole({ user: { id: userId }, role: body.role, actorId: admin.id });
    return Response.json({ user: { id: changed.id, role: changed.role, previous: changed.previous } });
  },
);

// Changes a user's role (admin page, `./interleave users set-role`). Guests cannot hold a role
// above student, and an admin cannot change their own role from the page (so the last admin
// cannot lock everyone out by accident); the CLI, run by whoever owns the server, can.
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { parseRole, UserRole } from "./roles.ts";

export async function setUserRole(options: {
  user: { id: string } | { email: string };
  role: UserRole;
  /** The admin making the change, when it comes from the web. */
  actorId?: string;
}): Promise<{ id: string; email: string; previous: UserRole; role: UserRole }> {
  const role = UserRole.parse(options.role);
  const where = "id" in options.user ? { id: options.user.id } : { email: options.user.email.trim().toLowerCase() };
  const user = await db.user.findUnique({ where, select: { id: true, email: true, role: true, isAnonymous: true } });
  if (!user) throw new AppError("not_found", "There is no user with that id or email.");
  if (user.isAnonymous)
    throw new AppError("bad_request", "Guests have no account; they must sign up before they can get a role.");
  if (options.actorId === user.id)
    throw new AppError("conflict", "You cannot change your own role. Ask another admin.");
  const previous = parseRole(user.role);
  if (previous !== role) await db.user.update({ where: { id: user.id }, data: { role } });
  return { id: user.id, email: user.email, previous, role };
}

// Admin pages and routes start here. The role is read from the database, not from the session
// cookie cache (up to five minutes old), so a demoted admin loses access at once.
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Viewer } from "./viewer.ts";

export async function requireAdmin(options: { viewer: Viewer | null }): Promise<Viewer> {
  const { viewer } = options;
  if (!viewer || viewer.isAnonymous) throw new AppError("unauthorized", "Sign in with an admin account to continue.");
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { role: true } });
  if (user?.role !== "admin") throw new AppError("forbidden", "Only admins can do this.");
  return { ...viewer, role: "admin" };
}

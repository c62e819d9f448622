// The check at a route's door (withUser's `role`): who may enter, from the viewer the session
// named (read from the database on every request, so a demotion counts at once). The lib
// functions behind the door check again (requireAdmin, getTaughtClass): a second lock.
import { requireTeacher } from "../classes/class-access.ts";
import { AppError } from "../errors.ts";
import type { UserRole } from "./roles.ts";
import type { Viewer } from "./viewer.ts";

/** The roles a door may ask for: students pass any door that asks for a session. */
export type DoorRole = Exclude<UserRole, "student">;

/** 401 without an account (no session, or a guest), 403 for a role below `role`. */
export function requireRole(viewer: Viewer | null, role: DoorRole): Viewer {
  switch (role) {
    case "teacher":
      return requireTeacher(viewer);
    case "admin":
      if (!viewer || viewer.isAnonymous)
        throw new AppError("unauthorized", "Sign in with an admin account to continue.");
      if (viewer.role !== "admin") throw new AppError("forbidden", "Only admins can do this.");
      return viewer;
  }
}

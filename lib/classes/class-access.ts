// Who may see and change a class, checked on the server for every page, route and action.
// A class that exists but is not the viewer's answers exactly like one that does not exist
// (404, no data), so ids cannot be probed.
import type { UserRole } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export function roleOf(viewer: Viewer): UserRole {
  return viewer.role === "teacher" || viewer.role === "admin" ? viewer.role : "student";
}

/** Signed in (not anonymous) — the least any class feature needs. */
export function requireAccount(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError("unauthorized", "Sign in to continue.");
  if (viewer.isAnonymous) throw new AppError("unauthorized", "Create an account or sign in to use classes.");
  return viewer;
}

/** A teacher or admin account. */
export function requireTeacher(viewer: Viewer | null): Viewer {
  const account = requireAccount(viewer);
  if (roleOf(account) === "student") throw new AppError("forbidden", "Only teachers can do this.");
  return account;
}

/**
 * The class, when the viewer teaches it (owner) or is an admin; not_found otherwise.
 * Every teacher page and action under /teach/classes/[classId] starts here.
 */
export async function getTaughtClass({ viewer, classId }: { viewer: Viewer | null; classId: string }) {
  const teacher = requireTeacher(viewer);
  if (!isUuid(classId)) throw new AppError("not_found", "No such class.");
  const found = await db.class.findUnique({ where: { id: classId } });
  if (!found || (found.ownerId !== teacher.id && roleOf(teacher) !== "admin")) {
    throw new AppError("not_found", "No such class.");
  }
  return found;
}

/** Whether `userId` is a member of the class (a teacher may only look at their own students). */
export async function requireMember({ classId, userId }: { classId: string; userId: string }): Promise<void> {
  const member = await db.classMember.findUnique({ where: { classId_userId: { classId, userId } } });
  if (!member) throw new AppError("not_found", "No such student in this class.");
}

/**
 * The join page promises students that their teacher sees "your work on the class's
 * assignments": every teacher view of a student's exercise work (gradebook, member detail,
 * analytics, regrade) is limited to the exercises assigned to the class.
 */
export async function isAssignedExercise({
  classId,
  exerciseId,
}: {
  classId: string;
  exerciseId: string;
}): Promise<boolean> {
  const found = await db.assignment.findFirst({
    where: { classId, kind: "exercise", exerciseId },
    select: { id: true },
  });
  return found !== null;
}

/** The exercise by its public id, when the class assigned it; null otherwise (and for unknown ids). */
export async function findAssignedExercise({ classId, trackSlug }: { classId: string; trackSlug: string }) {
  const found = await db.assignment.findFirst({
    where: { classId, kind: "exercise", exercise: { trackSlug } },
    select: { exercise: { select: { id: true, trackSlug: true, title: true } } },
  });
  return found?.exercise ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

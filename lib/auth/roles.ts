// The roles a user row can hold. Guests (anonymous users) are always students.
import { z } from "zod";

export const UserRole = z.enum(["student", "teacher", "admin"]);
export type UserRole = z.infer<typeof UserRole>;

/** A stored role string, read defensively: anything unknown is the least privileged role. */
export function parseRole(value: string | null | undefined): UserRole {
  const parsed = UserRole.safeParse(value);
  return parsed.success ? parsed.data : "student";
}

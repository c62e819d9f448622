// The signed-in user's own account page data, read fresh (the session's copy of name and role
// may be a few minutes old).
import { db } from "../db.ts";
import { parseRole, type UserRole } from "./roles.ts";

export type OwnAccount = {
  name: string;
  email: string;
  role: UserRole;
  emailVerified: boolean;
  createdAt: Date;
  /** Signs in with a password (rather than only a link or a guest session). */
  hasPassword: boolean;
};

export async function getOwnAccount(userId: string): Promise<OwnAccount | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      role: true,
      createdAt: true,
      emailVerified: true,
      accounts: { select: { providerId: true } },
    },
  });
  if (!user) return null;
  return {
    name: user.name,
    email: user.email,
    role: parseRole(user.role),
    emailVerified: user.emailVerified,
    createdAt: user.createdAt,
    hasPassword: user.accounts.some((a) => a.providerId === "credential"),
  };
}

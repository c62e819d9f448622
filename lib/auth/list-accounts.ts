// Accounts for the admin page: signed-up users (guests are counted, not listed — there can be
// thousands and they have nothing to administer), newest first, optionally filtered.
import { db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { parseRole, type UserRole } from "./roles.ts";

export type AccountListItem = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  emailVerified: boolean;
  createdAt: Date;
};

export async function listAccounts(options: { search?: string; limit?: number } = {}): Promise<{
  accounts: AccountListItem[];
  total: number;
  guests: number;
}> {
  const search = options.search?.trim();
  const where: Prisma.UserWhereInput = {
    isAnonymous: { not: true },
    ...(search
      ? {
          OR: [
            { email: { contains: search, mode: "insensitive" } },
            { name: { contains: search, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [rows, total, guests] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: Math.min(options.limit ?? 100, 500),
      select: { id: true, name: true, email: true, role: true, emailVerified: true, createdAt: true },
    }),
    db.user.count({ where }),
    db.user.count({ where: { isAnonymous: true } }),
  ]);
  return { accounts: rows.map((row) => ({ ...row, role: parseRole(row.role) })), total, guests };
}

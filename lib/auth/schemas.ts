// The admin account API: who holds which role.
import { z } from "zod";
import { SearchTerm } from "../http/schemas.ts";
import { UserRole } from "./roles.ts";

export const SetRoleRequest = z.object({ role: UserRole });
export const SetRoleResponse = z.object({ user: z.object({ id: z.string(), role: UserRole, previous: UserRole }) });

/** GET /api/admin/users: accounts (guests counted, not listed); `q` filters by name or email. */
export const AccountListQuery = z.object({ q: SearchTerm.optional() });
export const AccountListResponse = z.object({
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: UserRole,
      emailVerified: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  total: z.number().int(),
  guests: z.number().int(),
});

import type { z } from "zod";
import { listAccounts } from "@/lib/auth/list-accounts";
import { requireAdmin } from "@/lib/auth/require-admin";
import { AccountListQuery, type AccountListResponse } from "@/lib/auth/schemas";
import { withUser } from "@/lib/http/with-user";

/** Accounts (not guests) for the admin page, newest first; `?q=` filters by name or email. */
export const GET = withUser({ role: "admin", query: AccountListQuery }, async ({ viewer, query }) => {
  await requireAdmin({ viewer });
  const { accounts, total, guests } = await listAccounts({ search: query.q });
  return Response.json({
    accounts: accounts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    total,
    guests,
  } satisfies z.input<typeof AccountListResponse>);
});

import { listAccounts } from "@/lib/auth/list-accounts";
import { requireAdmin } from "@/lib/auth/require-admin";
import { withOptionalUser } from "@/lib/http/with-user";

/** Accounts (not guests) for the admin page, newest first; `?q=` filters by name or email. */
export const GET = withOptionalUser({}, async ({ request, viewer }) => {
  await requireAdmin({ viewer });
  const search = new URL(request.url).searchParams.get("q")?.slice(0, 200) ?? undefined;
  const { accounts, total, guests } = await listAccounts({ search });
  return Response.json({
    accounts: accounts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    total,
    guests,
  });
});

import type { Metadata } from "next";
import { headers } from "next/headers";
import { Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { listAccounts } from "@/lib/auth/list-accounts";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getViewer } from "@/lib/auth/viewer";
import { SEARCH_MAX, SearchTerm } from "@/lib/http/schemas";
import { listMail } from "@/lib/mail/list-mail";
import { getItemReport } from "@/lib/analytics/get-item-report";
import { MAX_VARIANT_GAP, MIN_ATTEMPTS } from "@/lib/analytics/item-report";
import { ItemReportTable } from "./item-report";
import { MailOutbox } from "./mail-outbox";
import { RoleSelect } from "./role-select";
import { TableHead } from "@/components/ui/table-head";
import { refusal } from "@/components/classes/page-gate";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  // Refused like the teacher pages: 401 without an account, 403 for an account that is not an admin.
  const admin = await requireAdmin({ viewer }).catch((error: unknown) => refusal(error, "/admin"));
  const q = (await searchParams).q;
  // Same rules as GET /api/admin/users: a search term with control characters or over the cap is
  // refused with a message (it reached Postgres as a 500 before).
  const parsedSearch = SearchTerm.safeParse(typeof q === "string" ? q : "");
  const search = parsedSearch.success ? parsedSearch.data : "";
  const [{ accounts, total, guests }, mail, itemReport] = await Promise.all([
    listAccounts({ search }),
    listMail({ limit: 50 }),
    getItemReport(),
  ]);
  const dateTime = (d: Date) => d.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto w-full max-w-6xl px-4 pt-12 pb-20 sm:px-6">
      <p className="text-sm font-medium text-primary">Administration</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">Users and mail</h1>
      <p className="mt-2 max-w-2xl text-muted">Promote a student to teacher here. It counts from their next request.</p>

      <section aria-labelledby="users-heading" className="mt-10">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="users-heading" className="text-xl font-semibold tracking-tight">
              Accounts
            </h2>
            <p className="mt-1 text-sm text-muted">
              {total} {total === 1 ? "account" : "accounts"}
              {search ? ` matching “${search}”` : ""} · {guests} guest {guests === 1 ? "session" : "sessions"} not
              listed
            </p>
            {parsedSearch.success ? null : (
              <p role="alert" className="mt-1 text-sm text-fail">
                Search terms are plain text of at most {SEARCH_MAX} characters; showing all accounts.
              </p>
            )}
          </div>
          <form role="search" className="flex items-center gap-2">
            <label htmlFor="user-search" className="sr-only">
              Search by name or email
            </label>
            <div className="flex items-center rounded-lg border border-border bg-surface focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-ring">
              <Search className="ml-2.5 size-4 text-muted" aria-hidden />
              <input
                id="user-search"
                name="q"
                type="search"
                defaultValue={search}
                maxLength={SEARCH_MAX}
                placeholder="Name or email"
                className="h-9 w-56 bg-transparent px-2 text-sm outline-none"
              />
            </div>
            <Button type="submit" size="md">
              Search
            </Button>
          </form>
        </div>
        <div className="mt-4 overflow-x-auto rounded-xl border border-border bg-surface shadow-xs">
          <table className="w-full text-left text-sm">
            <TableHead
              tone="caps"
              columns={[{ label: "Name" }, { label: "Email" }, { label: "Joined" }, { label: "Role" }]}
            />
            <tbody className="divide-y divide-border">
              {accounts.length === 0 ? (
                <tr>
                  <td colSpan={4} className="px-4 py-8 text-center text-muted">
                    No accounts {search ? "match this search" : "yet"}.
                  </td>
                </tr>
              ) : (
                accounts.map((account) => (
                  <tr key={account.id}>
                    <td className="px-4 py-2.5 font-medium">
                      {account.name}
                      {account.id === admin.id ? <Badge className="ml-2">you</Badge> : null}
                    </td>
                    <td className="px-4 py-2.5 text-muted">{account.email}</td>
                    <td className="px-4 py-2.5 whitespace-nowrap text-muted">{dateTime(account.createdAt)}</td>
                    <td className="px-4 py-2">
                      <RoleSelect
                        userId={account.id}
                        name={account.name}
                        role={account.role}
                        disabled={account.id === admin.id}
                      />
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="items-heading" className="mt-14">
        <h2 id="items-heading" className="text-xl font-semibold tracking-tight">
          Quiz items
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          Every quiz item over all submitted attempts. An item is flagged once it has {MIN_ATTEMPTS} answers and its
          discrimination is negative (students who do well on the rest of the quiz do worse on it: check its key and
          wording) or its variants differ in mean score by more than {MAX_VARIANT_GAP} points (the grade depends on the
          variant drawn).
        </p>
        <div className="mt-4">
          <ItemReportTable reports={itemReport} />
        </div>
      </section>

      <section aria-labelledby="mail-heading" className="mt-14">
        <h2 id="mail-heading" className="text-xl font-semibold tracking-tight">
          Mail outbox
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          Every message the platform sends — password resets, confirmations. Without a mail server (no{" "}
          <code className="font-mono">SMTP_URL</code>) they wait here: open one and pass the link on to its owner.
        </p>
        <div className="mt-4">
          <MailOutbox
            messages={mail.map((m) => ({
              ...m,
              createdAt: dateTime(m.createdAt),
              sentAt: m.sentAt ? dateTime(m.sentAt) : null,
            }))}
          />
        </div>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Badge } from "@/components/ui/badge";
import { getOwnAccount } from "@/lib/auth/own-account";
import { getViewer } from "@/lib/auth/viewer";
import { ChangePasswordForm } from "./change-password-form";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Your account" };

const ROLE_TEXT = {
  student: "You can solve exercises and quizzes and join classes with a code from your teacher.",
  teacher: "You can create classes, set assignments, and follow your students' work.",
  admin: "You can manage users and roles and read the mail outbox, as well as teach.",
} as const;

export default async function AccountPage() {
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  if (!viewer || viewer.isAnonymous) redirect("/sign-in?next=/account");
  const user = await getOwnAccount(viewer.id);
  if (!user) redirect("/sign-in?next=/account");
  const { role, hasPassword } = user;

  return (
    <div className="mx-auto w-full max-w-3xl px-4 pt-12 pb-20 sm:px-6">
      <p className="text-sm font-medium text-primary">Account</p>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-semibold tracking-tight">{user.name}</h1>
        <SignOutButton />
      </div>

      <section
        aria-labelledby="profile-heading"
        className="mt-8 rounded-xl border border-border bg-surface p-6 shadow-xs"
      >
        <h2 id="profile-heading" className="text-lg font-semibold tracking-tight">
          Profile
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-muted">Email</dt>
          <dd className="flex flex-wrap items-center gap-2 font-medium">
            {user.email}
            {user.emailVerified ? <Badge tone="pass">verified</Badge> : null}
          </dd>
          <dt className="text-muted">Role</dt>
          <dd>
            <Badge tone={role === "student" ? "neutral" : "primary"} className="capitalize">
              {role}
            </Badge>
            <p className="mt-1.5 text-muted">{ROLE_TEXT[role]}</p>
          </dd>
          <dt className="text-muted">Member since</dt>
          <dd>{user.createdAt.toLocaleDateString("en", { year: "numeric", month: "long", day: "numeric" })}</dd>
        </dl>
        <div className="mt-6 border-t border-border pt-6">
          <ProfileForm name={user.name} />
        </div>
      </section>

      <section
        aria-labelledby="password-heading"
        className="mt-6 rounded-xl border border-border bg-surface p-6 shadow-xs"
      >
        <h2 id="password-heading" className="text-lg font-semibold tracking-tight">
          Password
        </h2>
        <p className="mt-1 text-sm text-muted">Changing it signs you out everywhere else.</p>
        <div className="mt-5">
          {hasPassword ? (
            <ChangePasswordForm />
          ) : (
            <p className="text-sm text-muted">This account signs in without a password.</p>
          )}
        </div>
      </section>
    </div>
  );
}

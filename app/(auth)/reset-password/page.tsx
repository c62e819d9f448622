import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

/** Reached from the emailed link (?token=…) or better-auth's redirect (?error=INVALID_TOKEN). */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const token = typeof params.token === "string" && /^[A-Za-z0-9_-]{8,200}$/.test(params.token) ? params.token : null;
  return (
    <AuthCard
      title="Choose a new password"
      description={token ? "Pick a password you do not use anywhere else." : undefined}
    >
      {token && params.error === undefined ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="flex flex-col gap-4">
          <FormAlert>This reset link is incomplete, expired or already used. Links work once, for one hour.</FormAlert>
          <Button asChild variant="primary" className="h-10">
            <Link href="/forgot-password">Send a new link</Link>
          </Button>
        </div>
      )}
    </AuthCard>
  );
}

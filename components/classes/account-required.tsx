import { LogIn, UserPlus } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";
import { signInHref, signUpHref } from "./auth-links";

/** "Create an account" and "Sign in", each coming back to `returnTo`. */
export function AccountActions({
  returnTo,
  createLabel = "Create an account",
}: {
  returnTo: string;
  createLabel?: string;
}) {
  return (
    <>
      <Button asChild variant="primary">
        <Link href={signUpHref(returnTo)}>
          <UserPlus aria-hidden />
          {createLabel}
        </Link>
      </Button>
      <Button asChild>
        <Link href={signInHref(returnTo)}>
          <LogIn aria-hidden />
          Sign in
        </Link>
      </Button>
    </>
  );
}

/** Shown to visitors without an account (guests included) on every class page. */
export function AccountRequired({
  returnTo,
  title = "Create an account to use classes",
}: {
  returnTo: string;
  title?: string;
}) {
  return (
    <StatusPage code="Account needed" title={title} actions={<AccountActions returnTo={returnTo} />}>
      <p>
        Classes connect your work to a teacher, so they need a real account. Anything you did as a guest in this browser
        moves to the new account.
      </p>
    </StatusPage>
  );
}

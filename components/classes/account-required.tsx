import { LogIn, UserPlus } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/site/status-page";
import { Button } from "@/components/ui/button";
import { signInHref, signUpHref } from "./auth-links";

/** Shown to visitors without an account (guests included) on every class page. */
export function AccountRequired({
  returnTo,
  title = "Create an account to use classes",
}: {
  returnTo: string;
  title?: string;
}) {
  return (
    <StatusPage
      code="Account needed"
      title={title}
      actions={
        <>
          <Button asChild variant="primary">
            <Link href={signUpHref(returnTo)}>
              <UserPlus aria-hidden />
              Create an account
            </Link>
          </Button>
          <Button asChild>
            <Link href={signInHref(returnTo)}>
              <LogIn aria-hidden />
              Sign in
            </Link>
          </Button>
        </>
      }
    >
      <p>
        Classes connect your work to a teacher, so they need a real account. Anything you did as a guest in this browser
        moves to the new account.
      </p>
    </StatusPage>
  );
}

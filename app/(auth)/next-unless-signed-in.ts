import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeNext } from "@/components/auth/auth-errors";
import { getViewer } from "@/lib/auth/viewer";

/**
 * The sign-in and sign-up pages' first step: where to go afterwards (`?next=`, same-site only),
 * and a redirect there at once for a visitor who already has an account (to /account when
 * there is nowhere in particular to go). `guest`: the visitor has a guest session, whose work
 * moves to the account.
 */
export async function nextUnlessSignedIn(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
): Promise<{ next: string; guest: boolean }> {
  const next = safeNext((await searchParams).next);
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  if (viewer && !viewer.isAnonymous) redirect(next === "/" ? "/account" : next);
  return { next, guest: viewer?.isAnonymous === true };
}

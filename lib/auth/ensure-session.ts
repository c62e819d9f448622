// Browser helper: make sure this browser has a session before its first write, creating an
// anonymous user when it has none (the server never creates one: a write without a session
// is 401). One attempt at a time per page (module promise) and per
// browser (a Web Lock: two tabs opened together would otherwise create two users, and the
// later cookie would orphan the earlier user's drafts).
import { authClient } from "./auth-client";

let pending: Promise<void> | null = null;

async function signInIfNeeded(): Promise<void> {
  const { data } = await authClient.getSession();
  if (data) return;
  const { error } = await authClient.signIn.anonymous();
  if (error) throw new Error(error.message ?? "Could not start a session");
}

async function withBrowserLock(): Promise<void> {
  if (typeof navigator !== "undefined" && "locks" in navigator) {
    await navigator.locks.request("interleave-session", signInIfNeeded);
  } else {
    await signInIfNeeded();
  }
}

/** After a 401 (signed out in another tab, session revoked): the next ensureSession asks again. */
export function forgetSession(): void {
  pending = null;
}

export function ensureSession(): Promise<void> {
  const attempt =
    pending ??
    withBrowserLock().catch((error: unknown) => {
      // Let the next write try again (e.g. after the server comes back).
      pending = null;
      throw error;
    });
  pending = attempt;
  return attempt;
}

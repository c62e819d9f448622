// Browser helper: make sure this browser has a session before its first write, creating an
// anonymous user when it has none (the server never creates one: a write without a session
// is 401). One attempt at a time per page (module promise) and per
// browser (a Web Lock: two tabs opened together would otherwise create two users, and the
// later cookie would orphan the earlier user's drafts). Resolves to the session's user id.
import { authClient } from "./auth-client";

let pending: Promise<string> | null = null;

async function signInIfNeeded(): Promise<string> {
  const { data } = await authClient.getSession();
  if (data) return data.user.id;
  const { data: created, error } = await authClient.signIn.anonymous();
  if (error || !created) throw new Error(error?.message ?? "Could not start a session");
  return created.user.id;
}

async function withBrowserLock(): Promise<string> {
  if (typeof navigator !== "undefined" && "locks" in navigator) {
    return navigator.locks.request("interleave-session", signInIfNeeded);
  }
  return signInIfNeeded();
}

/** After a 401 (signed out in another tab, session revoked): the next ensureSession asks again. */
export function forgetSession(): void {
  pending = null;
}

export function ensureSession(): Promise<string> {
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

// Who is asking: read from the better-auth session cookie, or created on demand as an anonymous
// user. Returns the Set-Cookie headers better-auth wants sent (new or refreshed session), which
// the caller attaches to its response; nothing here depends on Next.
import { db } from "@/lib/db";
import { getAuth } from "./auth";

export type Viewer = { id: string; isAnonymous: boolean; role: string };

export type ViewerLookup = { viewer: Viewer | null; setCookies: string[] };

/**
 * Pass `refresh: false` where Set-Cookie cannot be sent (server components): otherwise the
 * database session would be extended while the browser's cookie keeps its old expiry.
 */
export async function getViewer({ headers, refresh = true }: { headers: Headers; refresh?: boolean }): Promise<ViewerLookup> {
  const { response, headers: responseHeaders } = await getAuth().api.getSession({
    headers,
    query: refresh ? {} : { disableRefresh: true },
    returnHeaders: true,
  });
  const setCookies = responseHeaders.getSetCookie();
  if (!response) return { viewer: null, setCookies };
  const { user } = response;
  if (user.isAnonymous === true) return { viewer: { id: user.id, isAnonymous: true, role: "student" }, setCookies };
  // The session cookie caches the user for minutes; an account's role is read fresh so that a
  // promotion or demotion counts on the next request (guests are always students: no lookup).
  const row = await db.user.findUnique({ where: { id: user.id }, select: { role: true } });
  if (!row) return { viewer: null, setCookies };
  return { viewer: { id: user.id, isAnonymous: false, role: row.role }, setCookies };
}

/**
 * The viewer, creating an anonymous user and session when the request carries none. Browsers
 * normally sign in anonymously before their first write (lib/auth/ensure-session.ts); this is
 * the fallback for any client that did not, so a write is never refused for lack of identity.
 */
export async function getOrCreateViewer({ headers }: { headers: Headers }): Promise<{ viewer: Viewer; setCookies: string[] }> {
  const existing = await getViewer({ headers });
  if (existing.viewer) return { viewer: existing.viewer, setCookies: existing.setCookies };
  const { response, headers: responseHeaders } = await getAuth().api.signInAnonymous({ headers, returnHeaders: true });
  if (!response) throw new Error("anonymous sign-in returned no user");
  const { user } = response;
  return {
    viewer: { id: user.id, isAnonymous: true, role: "student" },
    setCookies: responseHeaders.getSetCookie(),
  };
}

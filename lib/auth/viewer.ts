// Who is asking: read from the better-auth session cookie, or created on demand as an anonymous
// user. Returns the Set-Cookie headers better-auth wants sent (new or refreshed session), which
// the caller attaches to its response; nothing here depends on Next.
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
  return {
    viewer: { id: user.id, isAnonymous: user.isAnonymous === true, role: user.role ?? "student" },
    setCookies,
  };
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

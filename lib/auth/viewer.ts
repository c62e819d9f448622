// Who is asking, read from the better-auth session cookie. Only better-auth's anonymous sign-in
// creates users (the browser calls it before a first write: components/auth/ensure-session.ts); a
// request without a session has no viewer. Returns the Set-Cookie headers better-auth wants
// sent (a refreshed session), which the caller attaches to its response; nothing here depends
// on Next.
import { getAuth } from "@/lib/auth/auth";

export type Viewer = { id: string; isAnonymous: boolean; role: string };

export type ViewerLookup = { viewer: Viewer | null; setCookies: string[] };

/**
 * The session row and its user are read from the database on every call (auth.ts keeps no
 * cookie cache), so a signed-out, revoked or deleted session is null and a role change counts
 * on the next request.
 *
 * Pass `refresh: false` where Set-Cookie cannot be sent (server components): otherwise the
 * database session would be extended while the browser's cookie keeps its old expiry.
 */
export async function getViewer({
  headers,
  refresh = true,
}: {
  headers: Headers;
  refresh?: boolean;
}): Promise<ViewerLookup> {
  const { response, headers: responseHeaders } = await getAuth().api.getSession({
    headers,
    query: refresh ? {} : { disableRefresh: true },
    returnHeaders: true,
  });
  const setCookies = responseHeaders.getSetCookie();
  if (!response) return { viewer: null, setCookies };
  const { user } = response;
  // Guests are always students, whatever a row might say.
  if (user.isAnonymous === true) return { viewer: { id: user.id, isAnonymous: true, role: "student" }, setCookies };
  return { viewer: { id: user.id, isAnonymous: false, role: user.role ?? "student" }, setCookies };
}

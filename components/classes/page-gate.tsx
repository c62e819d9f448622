// Server-side access for class pages: who is asking, and what to show when they may not see the
// page. lib/classes decides; this only turns its AppError into a page (never any class data).
import { headers } from "next/headers";
import { forbidden, notFound, unauthorized } from "next/navigation";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";

/** The viewer of a server component (no session refresh: components cannot set cookies). */
export async function pageViewer(): Promise<Viewer | null> {
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  return viewer;
}

/**
 * Turns an access error into the refusal page with its real status: 401 (app/unauthorized.tsx
 * offers sign-up and sign-in back to `returnTo`'s page), 403 (app/forbidden.tsx), 404. Anything
 * else is a real failure and is rethrown. Layouts call it before any loading boundary streams,
 * so the status reaches the response.
 */
export function refusal(error: unknown, _returnTo: string): never {
  if (!isAppError(error)) throw error;
  if (error.code === "unauthorized") unauthorized();
  if (error.code === "forbidden") forbidden();
  if (error.code === "not_found") notFound();
  throw error;
}

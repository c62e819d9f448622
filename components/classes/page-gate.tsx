// Server-side access for class pages: who is asking, and what to show when they may not see the
// page. lib/classes decides; this only turns its AppError into a page (never any class data).
import { headers } from "next/headers";
import { forbidden, notFound, unauthorized } from "next/navigation";
import type { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { getGradebook, type Gradebook } from "@/lib/classes/get-gradebook";

/** The viewer of a server component (no session refresh: components cannot set cookies). */
export async function pageViewer(): Promise<Viewer | null> {
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  return viewer;
}

/**
 * A path segment (still percent-encoded or not) parsed with the edge schema of its kind; a
 * malformed one ("%E0%A4%A", a NUL, 10 KB of text) is the ordinary 404, never a 500.
 */
export function pageParam<T extends z.ZodType>(schema: T, raw: string | string[]): z.output<T> {
  const segments = (Array.isArray(raw) ? raw : [raw]).map(decodeSegment);
  if (segments.some((s) => s === null)) notFound();
  const parsed = schema.safeParse(segments.join("/"));
  if (!parsed.success) notFound();
  return parsed.data;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
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

/** The class's gradebook for one of its teacher pages (`page`, e.g. "gradebook"), or that page's refusal. */
export async function pageGradebook(classId: string, page: string): Promise<Gradebook> {
  const viewer = await pageViewer();
  try {
    return await getGradebook({ viewer, classId });
  } catch (error) {
    return refusal(error, `/teach/classes/${classId}/${page}`);
  }
}

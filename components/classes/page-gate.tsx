// Server-side access for class pages: who is asking, and what to show when they may not see the
// page. lib/classes decides; this only turns its AppError into a page (never any class data).
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { AccountRequired } from "./account-required";
import { TeachersOnly } from "./teachers-only";

/** The viewer of a server component (no session refresh: components cannot set cookies). */
export async function pageViewer(): Promise<Viewer | null> {
  const { viewer } = await getViewer({ headers: await headers(), refresh: false });
  return viewer;
}

/** Renders the refusal for an access error; anything else is a real failure and is rethrown. */
export function refusal(error: unknown, returnTo: string): ReactNode {
  if (!isAppError(error)) throw error;
  if (error.code === "unauthorized") return <AccountRequired returnTo={returnTo} />;
  if (error.code === "forbidden") return <TeachersOnly />;
  if (error.code === "not_found") notFound();
  throw error;
}

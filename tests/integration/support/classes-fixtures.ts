// People with real better-auth sessions for the class rights tests, and a way to call route
// handlers as they would be called by Next (Request + params promise).
import { randomUUID } from "node:crypto";
import { getAuth } from "../../../lib/auth/auth.ts";
import type { Viewer } from "../../../lib/auth/viewer.ts";
import { db } from "../../../lib/db.ts";

// Test infrastructure: auth needs a secret; the app reads it through lib/env.
process.env.BETTER_AUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";

export type Person = { id: string; name: string; email: string; cookie: string; viewer: Viewer };

/**
 * A user with a real session cookie: signed in anonymously through better-auth, then turned into
 * the wanted kind of account. Only the session token cookie is kept, so every request reads the
 * user (and role) from the database rather than from the signed cookie cache.
 */
export async function createPerson(
  kind: "teacher" | "student" | "anonymous" | "admin",
  name?: string,
): Promise<Person> {
  const { response, headers } = await getAuth().api.signInAnonymous({ headers: new Headers(), returnHeaders: true });
  if (!response) throw new Error("anonymous sign-in failed");
  const token = headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  if (!token) throw new Error("no session cookie");
  const cookie = token.split(";")[0] ?? "";
  const id = response.user.id;
  const label = name ?? `${kind} ${id.slice(0, 6)}`;
  const email = `${kind}-${randomUUID()}@example.test`;
  if (kind !== "anonymous") {
    await db.user.update({
      where: { id },
      data: { isAnonymous: false, role: kind === "student" ? "student" : kind, name: label, email },
    });
  }
  return {
    id,
    name: label,
    email,
    cookie,
    viewer: { id, isAnonymous: kind === "anonymous", role: kind === "anonymous" ? "student" : kind },
  };
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/**
 * Calls a route handler the way Next does for our own pages: same Origin, and JSON on every
 * write, as the browser code sends them. `as` null sends no cookie at all.
 */
export async function callRoute<P>(
  handler: Handler<P>,
  options: { method: string; path: string; as: Person | null; params: P; body?: unknown },
): Promise<{ status: number; text: string; headers: Headers }> {
  const headers = new Headers({ origin: "http://localhost:3000" });
  if (options.as) headers.set("cookie", options.as.cookie);
  if (options.method !== "GET") headers.set("content-type", "application/json");
  const request = new Request(`http://localhost:3000${options.path}`, {
    method: options.method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

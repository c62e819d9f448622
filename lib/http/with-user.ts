// The wrapper every API route goes through, in this order: a write must be same-origin JSON
// (403/415, before anything is read or looked up), then the viewer from the session cookie
// (withUser: 401 without one; nobody is created here; with a `role`, 401 for a guest and 403 for
// a lower role: who may enter is the route's first line), then path segments, query string and
// JSON body by the route's zod schemas (400 naming the field; a malformed id is 404), then the
// handler. Errors become `{ error: { code, message } }`; a refreshed session cookie is passed on.
import type { z } from "zod";
import { type DoorRole, requireRole } from "@/lib/auth/require-role";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { describeZodError, errorToResponse, zodErrorCode } from "./errors-to-response";
import { readJsonBody } from "./read-json";
import { assertSameOriginJson, trustedOrigins } from "./same-origin";
import { PathSegment } from "./schemas";

export type RouteOptions = { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
/** withUser's options: `role` lets in only accounts of that role or above (admins pass a teacher's door). */
export type UserRouteOptions = RouteOptions & { role?: DoorRole };

type Parsed<O, K extends keyof RouteOptions> = O extends { [P in K]: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;
type ParamsIn<O> = O extends { params: infer S extends z.ZodType } ? z.input<S> : Record<string, never>;

export type HandlerInput<O extends RouteOptions, V> = {
  request: Request;
  viewer: V;
  params: Parsed<O, "params">;
  query: Parsed<O, "query">;
  body: Parsed<O, "body">;
};
type RouteHandler<O> = (request: Request, context: { params: Promise<ParamsIn<O>> }) => Promise<Response>;

/**
 * Writes of one's own work: a session is required (the browser starts a guest one first).
 * With `role`, teacher and admin routes: an account of that role (checked before the request's
 * path, query or body is read).
 */
export function withUser<const O extends UserRouteOptions>(
  options: O,
  handler: (input: HandlerInput<O, Viewer>) => Promise<Response>,
): RouteHandler<O> {
  return wrap(options, handler, (viewer) => {
    if (options.role) return requireRole(viewer, options.role);
    if (!viewer)
      throw new AppError(
        "unauthorized",
        "You are not signed in (or your session ended). Reload the page to start again.",
      );
    return viewer;
  });
}

/**
 * Reads that answer a visitor without a session too (their own work: none; someone else's: 404),
 * and joining a class, whose lib function asks for an account (401 for a guest or nobody).
 */
export function withOptionalUser<const O extends RouteOptions>(
  options: O,
  handler: (input: HandlerInput<O, Viewer | null>) => Promise<Response>,
): RouteHandler<O> {
  return wrap(options, handler, (viewer) => viewer);
}

let origins: string[] | undefined;

function wrap<O extends RouteOptions, V>(
  options: O,
  handler: (input: HandlerInput<O, V>) => Promise<Response>,
  admit: (viewer: Viewer | null) => V,
): RouteHandler<O> {
  return async (request, context) => {
    const where = `${request.method} ${new URL(request.url).pathname}`;
    let setCookies: string[] = [];
    let response: Response;
    try {
      origins ??= trustedOrigins(env.BETTER_AUTH_URL);
      assertSameOriginJson(request, origins);
      const found = await getViewer({ headers: request.headers });
      // A refused request still carries the refreshed session cookie.
      setCookies = found.setCookies;
      const viewer = admit(found.viewer);
      const params = parseParams(options.params, await context.params);
      const query = options.query
        ? parseOrThrow(options.query, Object.fromEntries(new URL(request.url).searchParams))
        : undefined;
      const body = options.body ? await readJsonBody(request, options.body) : undefined;
      response = await handler({ request, viewer, params, query, body } as HandlerInput<O, V>);
    } catch (error) {
      response = errorToResponse(error, where);
    }
    return withCookies(response, setCookies);
  };
}

/**
 * Path segments: text that is too long or holds control characters is a bad request (400);
 * well-formed text that cannot be an id of the right kind names nothing (404).
 */
function parseParams(schema: z.ZodType | undefined, raw: unknown): unknown {
  for (const [name, value] of Object.entries(raw ?? {})) {
    for (const segment of Array.isArray(value) ? value : [value]) {
      const checked = PathSegment.safeParse(segment);
      if (!checked.success)
        throw new AppError("bad_request", `Invalid ${name}: ${checked.error.issues[0]?.message ?? "malformed"}`);
    }
  }
  if (!schema) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    "not_found",
    `Nothing is found at this address (${issue ? `${issue.path.join(".")} ${issue.message}` : "malformed path"}).`,
  );
}

function parseOrThrow(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError(zodErrorCode(parsed.error), describeZodError(parsed.error));
  return parsed.data;
}

function withCookies(response: Response, setCookies: string[]): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

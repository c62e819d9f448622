// The wrapper every API route goes through: parse the JSON body (when the route takes one),
// resolve the viewer from the session cookie, run the handler, turn errors into
// `{ error: { code, message } }`, and pass on any session cookie better-auth set (a new
// anonymous session, or a refreshed one).
import type { z } from "zod";
import { getOrCreateViewer, getViewer, type Viewer } from "@/lib/auth/viewer";
import { errorToResponse } from "./errors-to-response";
import { readJsonBody } from "./read-json";

type RouteContext<P> = { params: Promise<P> };
type RouteHandler<P> = (request: Request, context: RouteContext<P>) => Promise<Response>;

export type HandlerInput<P, V, B> = { request: Request; viewer: V; params: P; body: B };

type Options<S extends z.ZodType | undefined> = { body?: S };
type BodyOf<S> = S extends z.ZodType ? z.infer<S> : undefined;

/**
 * Writes: a visitor without a session gets an anonymous user, so the write always has an owner.
 * The body is parsed first, so malformed requests are refused without creating anyone.
 */
export function withUser<P = Record<string, never>, S extends z.ZodType | undefined = undefined>(
  options: Options<S>,
  handler: (input: HandlerInput<P, Viewer, BodyOf<S>>) => Promise<Response>,
): RouteHandler<P> {
  return wrap(options, (request) => getOrCreateViewer({ headers: request.headers }), handler);
}

/** Reads: a visitor without a session simply owns nothing yet; no user is created for a read. */
export function withOptionalUser<P = Record<string, never>, S extends z.ZodType | undefined = undefined>(
  options: Options<S>,
  handler: (input: HandlerInput<P, Viewer | null, BodyOf<S>>) => Promise<Response>,
): RouteHandler<P> {
  return wrap(options, (request) => getViewer({ headers: request.headers }), handler);
}

function wrap<P, V, S extends z.ZodType | undefined>(
  options: Options<S>,
  resolve: (request: Request) => Promise<{ viewer: V; setCookies: string[] }>,
  handler: (input: HandlerInput<P, V, BodyOf<S>>) => Promise<Response>,
): RouteHandler<P> {
  return async (request, context) => {
    const where = `${request.method} ${new URL(request.url).pathname}`;
    let setCookies: string[] = [];
    let response: Response;
    try {
      const body = (options.body ? await readJsonBody(request, options.body) : undefined) as BodyOf<S>;
      const resolved = await resolve(request);
      setCookies = resolved.setCookies;
      response = await handler({ request, viewer: resolved.viewer, params: await context.params, body });
    } catch (error) {
      response = errorToResponse(error, where);
    }
    return withCookies(response, setCookies);
  };
}

function withCookies(response: Response, setCookies: string[]): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

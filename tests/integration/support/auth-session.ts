// A browser stand-in for the account tests: calls better-auth's own request handler (the one
// app/api/auth/[...all] serves) and keeps the cookies it sets, like a browser would.
import { getAuth } from "../../../lib/auth/auth.ts";
import { CLIENT_IP_HEADER } from "../../../lib/http/client-ip.ts";

export const TEST_ORIGIN = "http://localhost:3000";

/** better-auth reads its secret lazily; tests need one that is long enough. */
export function useTestAuthSecret(): void {
  process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
}

// Test files share one database (and so better-auth's counters): each starts at a random place.
let nextIp = Math.floor(Math.random() * 120_000);

/** A distinct client address per simulated browser (198.18.0.0/15 is reserved for tests). */
export function testClientIp(): string {
  nextIp = (nextIp + 1) % 131_072;
  return `198.${18 + (nextIp >> 16)}.${(nextIp >> 8) & 255}.${nextIp & 255}`;
}

export class AuthSession {
  private cookies = new Map<string, string>();

  /**
   * Each session comes from its own address, as our web server would report it: better-auth's
   * per-IP limits are on in tests too, and separate browsers must not share one bucket.
   */
  constructor(readonly clientIp: string = testClientIp()) {}

  /** A copy of this browser's cookies as they are now (same address): a stolen or stale cookie. */
  clone(): AuthSession {
    const copy = new AuthSession(this.clientIp);
    copy.cookies = new Map(this.cookies);
    return copy;
  }

  /** POST (with a JSON body) or GET to /api/auth/<path> through better-auth's handler. */
  async auth(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const response = await getAuth().handler(
      new Request(`${TEST_ORIGIN}/api/auth/${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: this.headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    this.keep(response);
    return { status: response.status, json: await response.json().catch(() => null) };
  }

  /** Calls one of our route handlers with this session's cookies. */
  async route<P extends Record<string, string>>(
    handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
    path: string,
    init: { method?: string; body?: unknown; params?: P } = {},
  ): Promise<{ status: number; json: unknown }> {
    const { status, json } = await this.routeWithHeaders(handler, path, init);
    return { status, json };
  }

  /** route(), also returning the response headers (Retry-After, Set-Cookie …). */
  async routeWithHeaders<P extends Record<string, string>>(
    handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>,
    path: string,
    init: { method?: string; body?: unknown; params?: P } = {},
  ): Promise<{ status: number; json: unknown; headers: Headers }> {
    const response = await handler(
      new Request(`${TEST_ORIGIN}${path}`, {
        method: init.method ?? "GET",
        headers: this.headers((init.method ?? "GET") !== "GET"),
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
      // Routes without dynamic segments take no params; Next passes an empty object then too.
      { params: Promise.resolve(init.params ?? ({} as P)) },
    );
    this.keep(response);
    return { status: response.status, json: await response.json().catch(() => null), headers: response.headers };
  }

  headers(json = false): Headers {
    const headers = new Headers({ origin: TEST_ORIGIN, [CLIENT_IP_HEADER]: this.clientIp });
    if (json) headers.set("content-type", "application/json");
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    return headers;
  }

  private keep(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** The signed-in user's id, as better-auth's get-session reports it (null when signed out). */
export async function sessionUser(
  session: AuthSession,
): Promise<{ id: string; email: string; role?: string; isAnonymous?: boolean | null } | null> {
  const { json } = await session.auth("get-session");
  if (!json || typeof json !== "object" || !("user" in json)) return null;
  return json.user as { id: string; email: string; role?: string; isAnonymous?: boolean | null };
}

// Cross-site request forgery stops here: a state-changing request must come from our own pages
// (its Origin is the public URL's, or the browser says Sec-Fetch-Site: same-origin) and carry
// JSON. A cross-site HTML form can send neither: forms post text/plain, urlencoded or multipart
// and browsers stamp them with the attacker's Origin; a cross-origin fetch with JSON needs a
// CORS preflight we never grant. Checked before the body is read or any user is looked up.
import { AppError } from "../errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** localhost, 127.0.0.1 and [::1] name the same dev server: accept each for the same port. */
export function trustedOrigins(baseURL: string): string[] {
  const url = new URL(baseURL);
  const hosts = ["localhost", "127.0.0.1", "[::1]"];
  if (!hosts.includes(url.hostname)) return [url.origin];
  return hosts.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`);
}

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** `application/json`, optionally `; charset=utf-8` (what fetch and every JSON client send). */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const [type = "", ...parameters] = value.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return parameters.every((p) => p === "" || p.replace(/\s*=\s*/, "=").replace(/"/g, "") === "charset=utf-8");
}

/** Throws forbidden (403) or unsupported_media_type (415) for a write that is not same-origin JSON. */
export function assertSameOriginJson(request: Request, origins: readonly string[]): void {
  if (!isStateChanging(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (!origins.includes(origin))
      throw new AppError("forbidden", "This request came from another site and was refused.");
  } else if (request.headers.get("sec-fetch-site") !== "same-origin") {
    throw new AppError("forbidden", "This request does not say where it came from (no Origin header) and was refused.");
  }
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the request as JSON (Content-Type: application/json).");
  }
}

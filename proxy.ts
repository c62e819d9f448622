// Next's proxy (formerly middleware) for pages.
// 1. A page address with a malformed percent-escape ("/join/%E0%A4%A") names nothing: answer the
//    ordinary 404 here, before Next's router fails to decode the segment and answers 500.
// 2. A fresh nonce and the Content-Security-Policy that names it, on the request (Next reads the
//    nonce from it and puts it on every script it renders) and on the response. The root layout
//    reads x-nonce, which renders every page per request — static HTML could not carry a
//    per-request nonce. Prefetches carry no HTML, so they get no policy of their own.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const prefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (prefetch) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy({ nonce, dev: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Pages only: API routes answer JSON (next.config.ts gives them a deny-all policy), static files
// run under the page that loaded them.
export const config = { matcher: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)" };

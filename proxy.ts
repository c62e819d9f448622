// Next's proxy (formerly middleware) for pages: a fresh nonce and the Content-Security-Policy
// that names it, on the request (Next reads the nonce from it and puts it on every script it
// renders) and on the response. The root layout reads x-nonce, which renders every page per
// request — static HTML could not carry a per-request nonce.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes answer JSON (next.config.ts gives them a deny-all policy), static
      // files run under the page that loaded them. Prefetches carry no HTML.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

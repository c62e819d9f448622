// A page address with a malformed percent-escape ("/join/%E0%A4%A") names nothing: answer the
// ordinary 404 here, before Next's router fails to decode the segment and answers 500.
import { type NextRequest, NextResponse } from "next/server";

export function proxy(request: NextRequest): NextResponse {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}

// Pages only: API routes answer JSON themselves, static assets never carry escapes.
export const config = { matcher: "/((?!api/|_next/).*)" };

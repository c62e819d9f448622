// The browser-side rules every response carries. Pages get a Content-Security-Policy with a fresh
// nonce per request (proxy.ts): a script runs only when Next rendered it with that nonce (its own
// bundles and inline payload, next-themes' pre-paint script) or when such a script loaded it
// ('strict-dynamic': Next's chunks, Monaco's workers), so an injected <script> or inline handler
// does not run. Styles stay 'unsafe-inline': Monaco positions everything with inline styles, and
// style-src must not carry the nonce (a nonce makes browsers ignore 'unsafe-inline').

export function contentSecurityPolicy(options: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    // Dev mode: React rebuilds server stacks with eval, and HMR talks over a websocket.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Monaco's editor and TypeScript workers (bundled; the bundler may start them from a blob: URL).
    "worker-src 'self' blob:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** API answers are data, never documents: nothing in them may load or run. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Powerful features nobody here needs are off for the site and anything it could embed. The
 * clipboard stays (the editor's copy and paste, the join-code copy button). Only feature names
 * Chromium knows (156 rejects "bluetooth" and "web-share"): an unknown one is logged as an error in
 * every page's console.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "clipboard-read=(self)",
  "clipboard-write=(self)",
].join(", ");

/** Sent with every response (next.config.ts), pages and API alike. */
export const COMMON_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
];

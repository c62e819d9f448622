// The web process of `./interleave start` (and of the end-to-end tests and web benchmarks):
// Next.js through its custom-server API behind our own node:http server, instead of
// `next start`, because only here is the socket's address known (see client-ip-server.ts).
// Settings from lib/env: PORT, NODE_ENV (production serves the `next build` output), TRUSTED_PROXIES.
import path from "node:path";
import next from "next";
import { env } from "../lib/env.ts";
import { createClientIpServer } from "./platform/client-ip-server.ts";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const trusted = env.TRUSTED_PROXIES;
  const port = env.PORT;
  const app = next({ dev: env.NODE_ENV !== "production", dir: root, port });
  await app.prepare();
  const server = createClientIpServer({ handle: app.getRequestHandler(), trusted });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const proxies = trusted.entries.length > 0 ? `X-Forwarded-For believed from ${trusted.entries.join(", ")}` : "no trusted proxies: the socket address is the client";
  console.log(`web listening on port ${port} (${env.NODE_ENV}); ${proxies}`);

  const stop = () => {
    // Stop accepting, let requests in flight finish, then leave (the orchestrator kills after its grace period).
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

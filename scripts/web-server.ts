// The web process of `./interleave start` (and of the end-to-end tests and web benchmarks):
// Next.js through its custom-server API behind our own node:http server, instead of
// `next start`, because only here is the socket's address known (see client-ip-server.ts).
// Settings from lib/env: PORT, NODE_ENV (production serves the `next build` output), TRUSTED_PROXIES,
// METRICS_TOKEN. /healthz, /readyz and /metrics are answered here, before Next
// (lib/observability/ops-endpoints.ts), and every request is counted by route group.
import type http from "node:http";
import path from "node:path";
import next from "next";
import { env, optionalEnv } from "../lib/env.ts";
import { httpDuration, httpRequests } from "../lib/observability/metrics.ts";
import { handleOpsRequest } from "../lib/observability/ops-endpoints.ts";
import { createClientIpServer } from "./platform/client-ip-server.ts";

const root = path.resolve(import.meta.dirname, "..");

/** A bounded label: the app's top-level API folder, or the kind of request. */
function routeGroup(url: string): string {
  const [first, second] = url.split("?")[0]?.split("/").filter(Boolean) ?? [];
  if (first === "_next") return "_next";
  if (first === "api")
    return ["admin", "auth", "classes", "drafts", "quizzes", "submissions"].includes(second ?? "")
      ? `api/${second}`
      : "api/other";
  return "page";
}

function instrument(
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
  metricsToken: string | undefined,
) {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (await handleOpsRequest(req, res, { metricsToken })) return;
    const route = routeGroup(req.url ?? "");
    const end = httpDuration.startTimer({ route });
    res.once("finish", () => {
      end();
      httpRequests.inc({ method: req.method ?? "?", route, status: String(res.statusCode) });
    });
    await handle(req, res);
  };
}

async function main(): Promise<void> {
  const trusted = env.TRUSTED_PROXIES;
  const port = env.PORT;
  const app = next({ dev: env.NODE_ENV !== "production", dir: root, port });
  await app.prepare();
  const server = createClientIpServer({
    handle: instrument(app.getRequestHandler(), optionalEnv("METRICS_TOKEN")),
    trusted,
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const proxies =
    trusted.entries.length > 0
      ? `X-Forwarded-For believed from ${trusted.entries.join(", ")}`
      : "no trusted proxies: the socket address is the client";
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

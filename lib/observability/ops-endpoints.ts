// /healthz (the process answers), /readyz (the database answers; 503 otherwise) and /metrics
// (Prometheus text) for the web front and each worker. /metrics tells how busy the grader is and
// which exercises are graded, so it answers only a loopback caller that came through no proxy, or
// a caller with `Authorization: Bearer <METRICS_TOKEN>`.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "../db.ts";

// Generous: a cold pool on a busy host takes seconds for its first connection.
const READY_TIMEOUT_MS = 5000;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const PROXY_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip"];

export function mayReadMetrics(req: IncomingMessage, token: string | undefined): boolean {
  const auth = req.headers.authorization;
  if (token && auth?.startsWith("Bearer ")) {
    const given = Buffer.from(auth.slice("Bearer ".length));
    const want = Buffer.from(token);
    if (given.length === want.length && timingSafeEqual(given, want)) return true;
  }
  const loopback = LOOPBACK.test(req.socket.remoteAddress ?? "");
  return loopback && PROXY_HEADERS.every((name) => req.headers[name] === undefined);
}

export async function databaseReady(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)));
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function send(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/** Answers the three ops paths (true), or leaves the request to the app (false). */
export async function handleOpsRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: { metricsToken?: string },
): Promise<boolean> {
  const path = (req.url ?? "").split("?")[0];
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (path === "/healthz") {
    send(res, 200, "ok\n");
    return true;
  }
  if (path === "/readyz") {
    const ready = await databaseReady();
    send(res, ready ? 200 : 503, ready ? "ready\n" : "database unreachable\n");
    return true;
  }
  if (path === "/metrics") {
    if (!mayReadMetrics(req, options.metricsToken)) {
      send(res, 403, "metrics: loopback or Authorization: Bearer <METRICS_TOKEN> only\n");
      return true;
    }
    const { registry } = await import("./metrics.ts");
    send(res, 200, await registry.metrics(), registry.contentType);
    return true;
  }
  return false;
}

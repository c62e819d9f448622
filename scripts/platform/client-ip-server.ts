// The node:http front of the web app. Whatever a client sends as our client-IP header is
// deleted, and the address resolved from the socket (and TRUSTED_PROXIES) is put in its place
// before the app sees the request: better-auth's limits and ours read only that header.
import http from "node:http";
import { CLIENT_IP_HEADER, resolveClientIp, type TrustedProxies } from "../../lib/http/client-ip.ts";

type Handle = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export function stampClientIp(req: http.IncomingMessage, trusted: TrustedProxies): void {
  // Node joins repeated headers into req.headers; deleting the key removes every copy the app can read.
  delete req.headers[CLIENT_IP_HEADER];
  const ip = resolveClientIp({
    remoteAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trusted,
  });
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
}

export function createClientIpServer(options: { handle: Handle; trusted: TrustedProxies }): http.Server {
  return http.createServer((req, res) => {
    stampClientIp(req, options.trusted);
    Promise.resolve()
      .then(() => options.handle(req, res))
      .catch((error: unknown) => {
        console.error(`[web] ${req.method ?? "?"} ${req.url ?? "?"}: unhandled`, error);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end();
        } else {
          res.destroy();
        }
      });
  });
}

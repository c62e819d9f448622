// Who is on the other end of a request, for per-IP limits. A client can write any
// X-Forwarded-For it likes, so the answer starts from the socket: its address is the client,
// unless it is one of the configured TRUSTED_PROXIES — then X-Forwarded-For is read from the
// right (each proxy appends the address it received the request from) and the first address
// that is not a trusted proxy is the client. Our web server (scripts/web-server.ts) puts the
// result in CLIENT_IP_HEADER after deleting whatever the client sent under that name.
import { BlockList, isIPv4, isIPv6 } from "node:net";

export const CLIENT_IP_HEADER = "x-interleave-client-ip";

export type TrustedProxies = { list: BlockList; entries: readonly string[] };

const NO_PROXIES: TrustedProxies = { list: new BlockList(), entries: [] };

/** Parses "10.0.0.5, 10.1.0.0/16, fd00::/8"; throws naming the first entry that is no IP or CIDR. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return NO_PROXIES;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const ip = normalizeIp(address);
    const family = ip && isIPv4(ip) ? "ipv4" : "ipv6";
    const bits =
      prefix === undefined ? (family === "ipv4" ? 32 : 128) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!ip || rest.length > 0 || !(bits >= 0 && bits <= (family === "ipv4" ? 32 : 128))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(ip, bits, family);
  }
  return { list, entries };
}

/**
 * One canonical spelling per address: IPv4 as dotted quad, IPv4-mapped IPv6 (::ffff:a.b.c.d,
 * what a dual-stack socket reports for IPv4 clients) as that IPv4, other IPv6 compressed and
 * lower-case, without a zone. Brackets and a port (as some proxies write them) are dropped.
 * null for anything that is not an address.
 */
export function normalizeIp(raw: string): string | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, "");
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return null;
  // The WHATWG URL parser prints IPv6 hosts in RFC 5952 form (compressed, lower case).
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped?.[1] && mapped[2]) {
    const high = Number.parseInt(mapped[1], 16);
    const low = Number.parseInt(mapped[2], 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return canonical;
}

function isTrusted(ip: string, trusted: TrustedProxies): boolean {
  return trusted.entries.length > 0 && trusted.list.check(ip, isIPv4(ip) ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's, or — when the socket is a trusted proxy — the right-most
 * X-Forwarded-For address that is not a trusted proxy. When every hop is trusted, or the chain
 * holds something that is not an address, the last trusted hop answers for the client (a
 * proxy's own bucket, never a value the client chose). null only without a socket address.
 */
export function resolveClientIp(options: {
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trusted: TrustedProxies;
}): string | null {
  const socket = options.remoteAddress ? normalizeIp(options.remoteAddress) : null;
  if (!socket || !isTrusted(socket, options.trusted)) return socket;
  const header = Array.isArray(options.forwardedFor) ? options.forwardedFor.join(",") : (options.forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i] ?? "");
    if (!hop) return client;
    client = hop;
    if (!isTrusted(hop, options.trusted)) return hop;
  }
  return client;
}

/**
 * The bucket a per-IP limit counts: an IPv4 address, or an IPv6 address's /64 — one subscriber
 * usually holds a whole /64, so counting single IPv6 addresses would let them rotate freely
 * (better-auth's limiter groups IPv6 the same way).
 */
export function ipBucket(ip: string): string {
  const normalized = normalizeIp(ip);
  if (!normalized) return "unknown";
  if (isIPv4(normalized)) return normalized;
  const url = new URL(`http://[${normalized}]/`);
  const groups = expandIPv6(url.hostname.slice(1, -1)).slice(0, 4);
  return `${normalizeIp(`${groups.join(":")}::`) ?? normalized}/64`;
}

function expandIPv6(canonical: string): string[] {
  const [left = "", right] = canonical.split("::");
  const head = left ? left.split(":") : [];
  const tail = right ? right.split(":") : [];
  const zeros = right === undefined ? [] : Array<string>(8 - head.length - tail.length).fill("0");
  return [...head, ...zeros, ...tail];
}

/** The address our web server resolved for this request; null when it did not pass through it. */
export function clientIpFromHeaders(headers: Headers): string | null {
  const value = headers.get(CLIENT_IP_HEADER);
  return value ? normalizeIp(value) : null;
}

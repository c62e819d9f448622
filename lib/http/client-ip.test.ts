// The client IP the per-IP limits count: a client cannot choose it with X-Forwarded-For unless
// it reaches us through a proxy we were told to trust, and then only the hops left of it.
import { describe, expect, it } from "vitest";
import { clientIpFromHeaders, ipBucket, normalizeIp, parseTrustedProxies, resolveClientIp } from "./client-ip.ts";

const none = parseTrustedProxies(undefined);

describe("resolveClientIp", () => {
  it("ignores X-Forwarded-For entirely when no proxy is trusted", () => {
    for (const forwardedFor of ["203.0.113.9", "1.1.1.1, 2.2.2.2", "garbage", undefined]) {
      expect(resolveClientIp({ remoteAddress: "198.51.100.7", forwardedFor, trusted: none })).toBe("198.51.100.7");
    }
  });

  it("ignores X-Forwarded-For from a socket that is not a trusted proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.5");
    expect(resolveClientIp({ remoteAddress: "198.51.100.7", forwardedFor: "203.0.113.9", trusted })).toBe(
      "198.51.100.7",
    );
  });

  it("takes the right-most untrusted hop behind a trusted proxy, whatever the client prepended", () => {
    const trusted = parseTrustedProxies("10.0.0.5");
    // nginx appends the address it saw: the client's spoofed values stay on the left.
    expect(resolveClientIp({ remoteAddress: "10.0.0.5", forwardedFor: "6.6.6.6, 7.7.7.7, 203.0.113.9", trusted })).toBe(
      "203.0.113.9",
    );
    expect(resolveClientIp({ remoteAddress: "10.0.0.5", forwardedFor: "203.0.113.9", trusted })).toBe("203.0.113.9");
  });

  it("walks past a chain of trusted proxies given as CIDR ranges, IPv4 and IPv6", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, fd00::/8");
    expect(
      resolveClientIp({
        remoteAddress: "10.1.2.3",
        forwardedFor: ["6.6.6.6, 203.0.113.9", "fd00::2, 10.9.9.9"],
        trusted,
      }),
    ).toBe("203.0.113.9");
    expect(resolveClientIp({ remoteAddress: "fd00::1", forwardedFor: "2001:DB8:0:0::42, 10.0.0.7", trusted })).toBe(
      "2001:db8::42",
    );
  });

  it("answers with the last trusted hop when the chain ends or holds a non-address", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    expect(resolveClientIp({ remoteAddress: "10.0.0.5", forwardedFor: undefined, trusted })).toBe("10.0.0.5");
    expect(resolveClientIp({ remoteAddress: "10.0.0.5", forwardedFor: "10.0.0.9", trusted })).toBe("10.0.0.9");
    expect(resolveClientIp({ remoteAddress: "10.0.0.5", forwardedFor: "203.0.113.9, evil, 10.0.0.9", trusted })).toBe(
      "10.0.0.9",
    );
  });

  it("normalises what the socket reports: IPv4-mapped IPv6 is the IPv4 client, IPv6 is compressed", () => {
    expect(resolveClientIp({ remoteAddress: "::ffff:198.51.100.7", forwardedFor: "1.1.1.1", trusted: none })).toBe(
      "198.51.100.7",
    );
    expect(
      resolveClientIp({
        remoteAddress: "2001:0DB8:0000:0000:0000:0000:0000:0001",
        forwardedFor: undefined,
        trusted: none,
      }),
    ).toBe("2001:db8::1");
    // A trusted IPv4 proxy reached over a dual-stack socket is still recognised.
    const trusted = parseTrustedProxies("127.0.0.1");
    expect(resolveClientIp({ remoteAddress: "::ffff:127.0.0.1", forwardedFor: "203.0.113.9", trusted })).toBe(
      "203.0.113.9",
    );
    expect(resolveClientIp({ remoteAddress: undefined, forwardedFor: "203.0.113.9", trusted })).toBeNull();
  });
});

describe("normalizeIp", () => {
  it("accepts addresses as proxies write them and refuses anything else", () => {
    expect(normalizeIp("::FFFF:7F00:1")).toBe("127.0.0.1");
    expect(normalizeIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("203.0.113.9:5678")).toBe("203.0.113.9");
    expect(normalizeIp("fe80::1%eth0")).toBe("fe80::1");
    for (const bad of ["", "unknown", "1.2.3", "256.1.1.1", "1.2.3.4, 5.6.7.8", "::g"])
      expect(normalizeIp(bad)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("names the entry that is not an address or range", () => {
    expect(() => parseTrustedProxies("10.0.0.1, 10.0.0.0/33")).toThrow(
      '"10.0.0.0/33" is not an IP address or CIDR range',
    );
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/"proxy.internal"/);
    expect(() => parseTrustedProxies("::1/129")).toThrow(/"::1\/129"/);
    expect(parseTrustedProxies(" , ").entries).toEqual([]);
  });
});

describe("ipBucket", () => {
  it("counts IPv4 by address and IPv6 by /64", () => {
    expect(ipBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(ipBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:db8:1:2:bbbb::7")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("::1")).toBe("::/64");
  });
});

describe("clientIpFromHeaders", () => {
  it("reads the header our server sets, and nothing else", () => {
    expect(clientIpFromHeaders(new Headers({ "x-interleave-client-ip": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "198.51.100.7" }))).toBeNull();
  });
});

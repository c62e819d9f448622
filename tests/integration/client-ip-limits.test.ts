// better-auth's per-IP limits behind our web front (scripts/platform/client-ip-server.ts), over
// real HTTP on loopback: a client that writes a new X-Forwarded-For (or our own client-IP header)
// on every request is still one client, and behind a trusted proxy the right-most untrusted hop
// is the one counted. Counters live in Postgres (rateLimit.storage "database").
import type { AddressInfo } from "node:net";
import type http from "node:http";
import { toNodeHandler } from "better-auth/node";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { db, disconnectDb } from "@/lib/db";
import { parseTrustedProxies } from "@/lib/http/client-ip";
import { createClientIpServer } from "@/scripts/platform/client-ip-server";
import { TEST_ORIGIN, useTestAuthSecret } from "./support/auth-session.ts";
import { useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
afterAll(() => disconnectDb());

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(trustedProxies: string): Promise<string> {
  server = createClientIpServer({ handle: toNodeHandler(getAuth()), trusted: parseTrustedProxies(trustedProxies) });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let n = 0;
const rotating = () => `203.0.113.${(n++ % 250) + 1}`;

function post(base: string, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(`${base}/api/auth/${path}`, {
    method: "POST",
    headers: { origin: TEST_ORIGIN, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** Statuses of `count` sign-in attempts, one after another. */
async function signIns(base: string, count: number, headers: () => Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await post(
      base,
      "sign-in/email",
      { email: "nobody@example.test", password: "wrong password!" },
      headers(),
    );
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

describe("client IP for better-auth's limits", () => {
  it("does not let a rotating X-Forwarded-For defeat the sign-in limit (30 a minute per IP)", async () => {
    const base = await serve("");
    const statuses = await signIns(base, 32, () => ({
      "x-forwarded-for": rotating(),
      "x-interleave-client-ip": rotating(),
    }));
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // One counter in Postgres, keyed by the socket's address, none by anything the client sent.
    expect(
      await db.rateLimit.findUnique({ where: { key: "127.0.0.1|/sign-in/email" }, select: { count: true } }),
    ).toEqual({ count: 30 });
    expect(await db.rateLimit.count({ where: { key: { startsWith: "203.0.113." } } })).toBe(0);
  });

  it("keys anonymous sign-in on the real IP too: 120 guests a minute, then 429", async () => {
    const base = await serve("");
    const before = await db.user.count({ where: { isAnonymous: true } });
    const statuses: number[] = [];
    for (let i = 0; i < 122; i++) {
      const response = await post(base, "sign-in/anonymous", {}, { "x-forwarded-for": rotating() });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(120);
    expect(statuses.slice(120)).toEqual([429, 429]);
    expect((await db.user.count({ where: { isAnonymous: true } })) - before).toBe(120);
  });

  it("never limits reading one's own session: a class behind one NAT loads pages at once", async () => {
    const base = await serve("");
    const statuses = await Promise.all(
      Array.from({ length: 110 }, async () => {
        const response = await fetch(`${base}/api/auth/get-session`, { headers: { origin: TEST_ORIGIN } });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });

  it("behind a trusted proxy counts the right-most untrusted hop, whatever the client prepends", async () => {
    // The test client plays the proxy (loopback is trusted here): the address it appends is the client's.
    const base = await serve("127.0.0.1");
    const statuses = await signIns(base, 31, () => ({ "x-forwarded-for": `${rotating()}, 198.51.100.20` }));
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // …and a different client behind the same proxy has its own bucket.
    expect(await signIns(base, 1, () => ({ "x-forwarded-for": "198.51.100.21" }))).toEqual([401]);
    const keys = await db.rateLimit.findMany({
      where: { key: { startsWith: "198.51.100." } },
      select: { key: true, count: true },
      orderBy: { key: "asc" },
    });
    expect(keys).toEqual([
      { key: "198.51.100.20|/sign-in/email", count: 30 },
      { key: "198.51.100.21|/sign-in/email", count: 1 },
    ]);
  });
});

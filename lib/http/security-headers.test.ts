import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, PERMISSIONS_POLICY } from "./security-headers.ts";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

describe("contentSecurityPolicy", () => {
  it("runs scripts by nonce only: no 'unsafe-inline' and, in production, no 'unsafe-eval'", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
  });

  it("keeps inline styles (Monaco) without a style nonce, which would disable 'unsafe-inline'", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", dev: false }));
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("worker-src")).toEqual(["'self'", "blob:"]);
  });

  it("allows eval and the HMR websocket in dev mode only", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toMatch(
      /script-src [^;]*'unsafe-eval'.*connect-src 'self' ws: wss:/,
    );
  });
});

describe("PERMISSIONS_POLICY", () => {
  it("turns off camera, microphone, geolocation and payment, and keeps the clipboard for this origin", () => {
    expect(PERMISSIONS_POLICY).toContain("camera=()");
    expect(PERMISSIONS_POLICY).toContain("microphone=()");
    expect(PERMISSIONS_POLICY).toContain("geolocation=()");
    expect(PERMISSIONS_POLICY).toContain("payment=()");
    expect(PERMISSIONS_POLICY).toContain("clipboard-write=(self)");
  });
});

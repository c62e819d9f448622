// lib/env parses each key on first read, so a process only fails for the keys it uses.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };
beforeEach(() => {
  vi.resetModules();
  for (const key of [
    "DATABASE_URL",
    "BETTER_AUTH_SECRET",
    "BETTER_AUTH_URL",
    "PORT",
    "NODE_ENV",
    "SMTP_URL",
    "MAIL_FROM",
    "REQUIRE_EMAIL_VERIFICATION",
    "SUBMISSION_RATE_LIMIT_MAX",
    "SUBMISSION_RATE_LIMIT_WINDOW_SECONDS",
    "GUEST_SUBMISSIONS_PER_IP_PER_MINUTE",
    "GRADING_QUEUE_MAX",
    "GRADING_IN_FLIGHT_PER_USER",
    "TRUSTED_PROXIES",
  ]) {
    delete process.env[key];
  }
});
afterEach(() => {
  process.env = { ...saved };
});

describe("env", () => {
  it("reads a key lazily and validates it only then", async () => {
    const { env } = await import("./env.ts");
    expect(env.PORT).toBe(3000);
    expect(env.BETTER_AUTH_URL).toBe("http://localhost:3000");
    expect(() => env.DATABASE_URL).toThrow("environment variable DATABASE_URL: missing");
    process.env.DATABASE_URL = "mysql://localhost/x";
    expect(() => env.DATABASE_URL).toThrow(/must be a postgresql:\/\/ URL/);
    process.env.DATABASE_URL = "postgresql://u:p@127.0.0.1:5433/app";
    expect(env.DATABASE_URL).toBe("postgresql://u:p@127.0.0.1:5433/app");
  });

  it("treats an absent optional key as undefined but still rejects a bad one", async () => {
    const { optionalEnv } = await import("./env.ts");
    expect(optionalEnv("DATABASE_URL")).toBeUndefined();
    process.env.BETTER_AUTH_SECRET = "too short";
    expect(() => optionalEnv("BETTER_AUTH_SECRET")).toThrow(/at least 32 characters/);
  });

  it("getEnv parses every key at once", async () => {
    Object.assign(process.env, { DATABASE_URL: "postgres://h/db", BETTER_AUTH_SECRET: "x".repeat(32), PORT: "8080" });
    const { getEnv } = await import("./env.ts");
    expect(getEnv()).toMatchObject({ DATABASE_URL: "postgres://h/db", PORT: 8080, NODE_ENV: "development" });
  });

  it("defaults mail to the outbox, verification off and 10 submissions a minute", async () => {
    const { env, optionalEnv } = await import("./env.ts");
    expect(optionalEnv("SMTP_URL")).toBeUndefined();
    expect(env.REQUIRE_EMAIL_VERIFICATION).toBe(false);
    expect([env.SUBMISSION_RATE_LIMIT_MAX, env.SUBMISSION_RATE_LIMIT_WINDOW_SECONDS]).toEqual([10, 60]);
  });

  it("parses the mail and limit settings, and rejects a non-SMTP URL", async () => {
    Object.assign(process.env, {
      REQUIRE_EMAIL_VERIFICATION: "true",
      SUBMISSION_RATE_LIMIT_MAX: "0",
      SMTP_URL: "https://mail.example",
    });
    const { env, optionalEnv } = await import("./env.ts");
    expect(env.REQUIRE_EMAIL_VERIFICATION).toBe(true);
    expect(env.SUBMISSION_RATE_LIMIT_MAX).toBe(0);
    expect(() => optionalEnv("SMTP_URL")).toThrow(/smtp:\/\/ or smtps:\/\//);
  });

  it("trusts no proxy by default and names a bad TRUSTED_PROXIES entry", async () => {
    const { env } = await import("./env.ts");
    expect(env.TRUSTED_PROXIES.entries).toEqual([]);
    expect([env.GUEST_SUBMISSIONS_PER_IP_PER_MINUTE, env.GRADING_QUEUE_MAX, env.GRADING_IN_FLIGHT_PER_USER]).toEqual([
      30, 500, 3,
    ]);
    vi.resetModules();
    process.env.TRUSTED_PROXIES = "10.0.0.0/8, ::1";
    expect((await import("./env.ts")).env.TRUSTED_PROXIES.entries).toEqual(["10.0.0.0/8", "::1"]);
    vi.resetModules();
    process.env.TRUSTED_PROXIES = "10.0.0.0/8, proxy.internal";
    const fresh = await import("./env.ts");
    expect(() => fresh.env.TRUSTED_PROXIES).toThrow(
      'environment variable TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range',
    );
  });
});

// The better-auth server instance: Prisma adapter on the shared client, anonymous sign-in so
// every visitor owns real rows from the start. Built on first use because the adapter opens the
// database (and reads the secret), which `next build` must not need.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { anonymous } from "better-auth/plugins/anonymous";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const DAY = 60 * 60 * 24;

function createAuth() {
  const baseURL = env.BETTER_AUTH_URL;
  return betterAuth({
    appName: "Interleave",
    baseURL,
    secret: env.BETTER_AUTH_SECRET,
    // Model names match better-auth's (User → db.user …); tables are mapped in schema.prisma.
    database: prismaAdapter(db, { provider: "postgresql" }),
    trustedOrigins: loopbackAliases(baseURL),
    user: {
      additionalFields: {
        // Set by teachers/admins only; never accepted from sign-up input.
        role: { type: "string", required: false, defaultValue: "student", input: false },
      },
    },
    session: {
      // An anonymous student's work lives only behind this cookie, so it must outlast a term.
      expiresIn: 180 * DAY,
      updateAge: DAY,
      // Status polling reads the session several times a second; a signed cookie spares the database.
      cookieCache: { enabled: true, maxAge: 5 * 60 },
    },
    plugins: [anonymous()],
    rateLimit: {
      // A class behind one school NAT opens the first exercise at the same moment; the default
      // (3 sign-ins per 10 s per IP) would turn most of them away.
      customRules: { "/sign-in/anonymous": { window: 60, max: 120 } },
    },
    telemetry: { enabled: false },
  });
}

/** localhost and 127.0.0.1 name the same dev server; accept both for the same port. */
function loopbackAliases(baseURL: string): string[] {
  const url = new URL(baseURL);
  const hosts = ["localhost", "127.0.0.1", "[::1]"];
  if (!hosts.includes(url.hostname)) return [url.origin];
  return hosts.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`);
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { interleaveAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.interleaveAuth ??= createAuth();
  return globalForAuth.interleaveAuth;
}

// The better-auth server instance: Prisma adapter on the shared client, anonymous sign-in so
// every visitor owns real rows from the start (the only place a guest user is created). Built on first use because the adapter opens the
// database (and reads the secret), which `next build` must not need.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { anonymous } from "better-auth/plugins/anonymous";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { trustedOrigins } from "@/lib/http/same-origin";
import { sendResetPasswordEmail, sendVerificationEmail } from "./auth-emails";
import { linkAnonymousUser } from "./link-anonymous-user";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";
import { checkUserFields } from "./user-fields";

const DAY = 60 * 60 * 24;

function createAuth() {
  const baseURL = env.BETTER_AUTH_URL;
  return betterAuth({
    appName: "Interleave",
    baseURL,
    secret: env.BETTER_AUTH_SECRET,
    // Model names match better-auth's (User → db.user …); tables are mapped in schema.prisma.
    database: prismaAdapter(db, { provider: "postgresql" }),
    trustedOrigins: trustedOrigins(baseURL),
    // Hashing, sessions and reset tokens are better-auth's; we only deliver the mail.
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION,
      resetPasswordTokenExpiresIn: 60 * 60,
      // A reset means the old password may be known to someone else: end every session.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, token }) => sendResetPasswordEmail({ user, token }),
    },
    emailVerification: {
      sendOnSignUp: env.REQUIRE_EMAIL_VERIFICATION,
      autoSignInAfterVerification: true,
      sendVerificationEmail: ({ user, url }) => sendVerificationEmail({ user, url }),
    },
    // Every way a user row is written (sign-up, update-user, the anonymous plugin) passes the same
    // name rules as our own routes: before this, update-user with a NUL in the name was a 500
    // and a 10 MB display name was stored.
    databaseHooks: {
      user: {
        create: { before: async (user) => checkUserFields(user) },
        update: { before: async (user) => checkUserFields(user) },
      },
    },
    // A changed password may be known to someone else: every other session ends, whatever the
    // client asked for (the form asks for it too).
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/change-password" || typeof ctx.body !== "object" || ctx.body === null) return;
        return { context: { body: { ...ctx.body, revokeOtherSessions: true } } };
      }),
    },
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
      // No cookie cache: every request reads the session row, so sign-out, revoked sessions, a
      // password reset, a role change or a deleted user count on the very next request. A cached
      // copy outlived all of these for up to five minutes (and a deleted guest's cached cookie
      // made writes fail with 500). Measured cost: see README ("Sessions").
      cookieCache: { enabled: false },
    },
    plugins: [
      anonymous({
        // Runs before better-auth deletes the guest: their work must already belong to the account.
        onLinkAccount: async ({ anonymousUser, newUser }) => {
          await linkAnonymousUser({ fromUserId: anonymousUser.user.id, toUserId: newUser.user.id });
        },
      }),
    ],
    advanced: {
      // Set by our web server from the socket (and TRUSTED_PROXIES), after deleting any value the
      // client sent; X-Forwarded-For is never read here (lib/http/client-ip.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    rateLimit: {
      // On in every environment, counted in Postgres: the limits hold across web processes and
      // hosts, and the tests exercise the configuration production runs.
      enabled: true,
      storage: "database",
      // A class behind one school NAT opens the first exercise at the same moment; the default
      // (3 sign-ins per 10 s per IP) would turn most of them away.
      // The same goes for a class told "create your accounts now"; passwords are hashed with
      // scrypt, so 30 guesses a minute per IP address is still slow going for an attacker.
      customRules: {
        // Every page asks for its session (the header's useSession): a class behind one NAT would
        // exhaust the default 100 per 10 s per IP, and a refused read makes the browser start a
        // new guest. Reading one's own session guesses nothing and creates nothing.
        "/get-session": false,
        "/sign-in/anonymous": { window: 60, max: 120 },
        "/sign-in/email": { window: 60, max: 30 },
        "/sign-up/email": { window: 60, max: 30 },
        // Each request writes a mail row; keep a stranger from filling the outbox.
        "/request-password-reset": { window: 60, max: 5 },
      },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { interleaveAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.interleaveAuth ??= createAuth();
  return globalForAuth.interleaveAuth;
}

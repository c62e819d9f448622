// With REQUIRE_EMAIL_VERIFICATION on, sign-up sends a confirmation through lib/mail and sign-in
// waits for it. (Off by default; this file turns it on before better-auth is first built.)
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { AuthSession, sessionUser, useTestAuthSecret } from "./support/auth-session.ts";
import { useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
process.env.REQUIRE_EMAIL_VERIFICATION = "true";
afterAll(() => disconnectDb());

describe("email verification", () => {
  it("mails a confirmation link on sign-up and refuses sign-in until it is opened", async () => {
    const email = `vera-${randomUUID().slice(0, 8)}@example.test`;
    const password = "correct horse battery";
    const browser = new AuthSession();
    const signUp = await browser.auth("sign-up/email", { name: "Vera", email, password, callbackURL: "/" });
    expect(signUp.status).toBe(200);
    expect(signUp.json).toMatchObject({ token: null });
    expect(await sessionUser(browser)).toBeNull();

    const refused = await browser.auth("sign-in/email", { email, password });
    expect(refused).toMatchObject({ status: 403, json: { code: "EMAIL_NOT_VERIFIED" } });

    const mail = await db.mailMessage.findFirstOrThrow({
      where: { to: email, kind: "verification" },
      orderBy: { createdAt: "asc" },
    });
    expect(mail).toMatchObject({ transport: "outbox", subject: "Confirm your email for Interleave" });
    const link = /https?:\/\/\S+\/api\/auth\/(verify-email\?\S+)/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();
    const verified = await browser.auth(link ?? "");
    expect([200, 302]).toContain(verified.status);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(true);

    expect((await new AuthSession().auth("sign-in/email", { email, password })).status).toBe(200);
  });
});

// Email + password accounts through better-auth's real handler against Postgres: sign-up,
// the errors the forms show inline, sign-in, sign-out, and a password reset through the outbox.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { AuthSession, sessionUser, useTestAuthSecret } from "./support/auth-session.ts";
import { useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
afterAll(() => disconnectDb());

const email = () => `ada-${randomUUID().slice(0, 8)}@example.test`;
const PASSWORD = "correct horse battery";

function codeOf(json: unknown): string | undefined {
  return json && typeof json === "object" && "code" in json && typeof json.code === "string" ? json.code : undefined;
}

describe("sign up", () => {
  it("creates a student with a session and a library-hashed password", async () => {
    const browser = new AuthSession();
    const address = email();
    const response = await browser.auth("sign-up/email", { name: "Ada", email: address, password: PASSWORD });
    expect(response.status).toBe(200);
    const user = await sessionUser(browser);
    expect(user).toMatchObject({ email: address, role: "student", isAnonymous: false });

    const account = await db.account.findFirstOrThrow({
      where: { user: { email: address }, providerId: "credential" },
    });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(PASSWORD);
    expect(account.password?.length).toBeGreaterThan(60);
  });

  it("refuses a taken email, a short password and a bad address with the codes the forms map", async () => {
    const address = email();
    expect(
      (await new AuthSession().auth("sign-up/email", { name: "A", email: address, password: PASSWORD })).status,
    ).toBe(200);

    const taken = await new AuthSession().auth("sign-up/email", {
      name: "B",
      email: address.toUpperCase(),
      password: PASSWORD,
    });
    expect([taken.status, codeOf(taken.json)]).toEqual([422, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL"]);

    const short = await new AuthSession().auth("sign-up/email", { name: "C", email: email(), password: "short" });
    expect([short.status, codeOf(short.json)]).toEqual([400, "PASSWORD_TOO_SHORT"]);

    const bad = await new AuthSession().auth("sign-up/email", { name: "D", email: "not-an-email", password: PASSWORD });
    expect(bad.status).toBe(400);
    expect(await db.user.count({ where: { email: address } })).toBe(1);
  });

  it("never lets a sign-up choose its own role", async () => {
    const address = email();
    const response = await new AuthSession().auth("sign-up/email", {
      name: "Eve",
      email: address,
      password: PASSWORD,
      role: "admin",
    });
    // better-auth drops fields declared `input: false` and creates an ordinary student.
    expect(response.status).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { email: address }, select: { role: true } })).toEqual({
      role: "student",
    });
  });
});

describe("sign in and sign out", () => {
  it("signs in with the right password only, and signing out ends the session", async () => {
    const address = email();
    await new AuthSession().auth("sign-up/email", { name: "Grace", email: address, password: PASSWORD });

    const wrong = new AuthSession();
    const refused = await wrong.auth("sign-in/email", { email: address, password: "wrong password!" });
    expect([refused.status, codeOf(refused.json)]).toEqual([401, "INVALID_EMAIL_OR_PASSWORD"]);
    expect(await sessionUser(wrong)).toBeNull();

    const browser = new AuthSession();
    expect((await browser.auth("sign-in/email", { email: address, password: PASSWORD })).status).toBe(200);
    const user = await sessionUser(browser);
    expect(user?.email).toBe(address);
    const sessionsBefore = await db.session.count({ where: { userId: user?.id } });

    expect((await browser.auth("sign-out", {})).status).toBe(200);
    expect(await sessionUser(browser)).toBeNull();
    expect(await db.session.count({ where: { userId: user?.id } })).toBe(sessionsBefore - 1);
  });
});

describe("password reset", () => {
  it("records the reset mail in the outbox; its token sets a new password once", async () => {
    const address = email();
    await new AuthSession().auth("sign-up/email", { name: "Linus", email: address, password: PASSWORD });

    const asked = await new AuthSession().auth("request-password-reset", {
      email: address,
      redirectTo: "/reset-password",
    });
    expect(asked.status).toBe(200);
    const mail = await db.mailMessage.findFirstOrThrow({ where: { to: address, kind: "reset_password" } });
    expect(mail).toMatchObject({
      transport: "outbox",
      sentAt: null,
      error: null,
      subject: "Reset your Interleave password",
    });
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();

    // An unknown address answers the same, and sends nothing.
    const unknown = await new AuthSession().auth("request-password-reset", {
      email: email(),
      redirectTo: "/reset-password",
    });
    expect(unknown.status).toBe(200);

    const reset = await new AuthSession().auth("reset-password", { token, newPassword: "a brand new passphrase" });
    expect(reset.status).toBe(200);
    const again = await new AuthSession().auth("reset-password", { token, newPassword: "yet another passphrase" });
    expect([again.status, codeOf(again.json)]).toEqual([400, "INVALID_TOKEN"]);

    expect((await new AuthSession().auth("sign-in/email", { email: address, password: PASSWORD })).status).toBe(401);
    expect(
      (await new AuthSession().auth("sign-in/email", { email: address, password: "a brand new passphrase" })).status,
    ).toBe(200);
  });
});

// Sessions end when they are ended: after sign-out, revoke-other-sessions, a password change or
// reset, a role change and the deletion of the user, the old cookie's very next write is 401 (or
// 403 for a lost role) and its private reads show nothing. better-auth's cookie cache is off
// (lib/auth/auth.ts), so nothing about a session outlives its row. Writes without a session
// create nobody: only the explicit guest sign-in does.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postClass, GET as getClasses } from "@/app/api/classes/route";
import { GET as getDrafts, PUT as putDraft } from "@/app/api/drafts/route";
import { POST as postAttempt } from "@/app/api/quizzes/attempts/route";
import { GET as getSubmissions, POST as postSubmission } from "@/app/api/submissions/route";
import { db, disconnectDb } from "@/lib/db";
import { AuthSession, sessionUser, useTestAuthSecret } from "./support/auth-session.ts";
import { createExercise, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
afterAll(() => disconnectDb());

const PASSWORD = "correct horse battery";
let exercise: { id: string; trackSlug: string };

beforeAll(async () => {
  exercise = await createExercise();
});

async function signUp(): Promise<{ browser: AuthSession; id: string; email: string }> {
  const browser = new AuthSession();
  const email = `s-${randomUUID().slice(0, 8)}@example.test`;
  expect((await browser.auth("sign-up/email", { name: "Sam", email, password: PASSWORD })).status).toBe(200);
  const id = (await sessionUser(browser))?.id;
  if (!id) throw new Error("no session after sign-up");
  return { browser, id, email };
}

async function signIn(email: string, password = PASSWORD): Promise<AuthSession> {
  const browser = new AuthSession();
  expect((await browser.auth("sign-in/email", { email, password })).status).toBe(200);
  return browser;
}

const saveDraft = (browser: AuthSession, code = "export const a = 1;\n") =>
  browser.route(putDraft, "/api/drafts", { method: "PUT", body: { exerciseId: exercise.trackSlug, code } });

/** The private reads of a student: own drafts and submission list. */
async function privateReads(browser: AuthSession) {
  const query = `?exerciseId=${encodeURIComponent(exercise.trackSlug)}`;
  const drafts = await browser.route(getDrafts, `/api/drafts${query}`);
  const submissions = await browser.route(getSubmissions, `/api/submissions${query}`);
  return { drafts: drafts.json, submissions: submissions.json };
}
const NOTHING = { drafts: { draft: null }, submissions: { submissions: [] } };

/** The stale browser can no longer write or read what the live session can. */
async function expectEnded(stale: AuthSession) {
  const write = await saveDraft(stale, "export const stale = 1;\n");
  expect(write.status).toBe(401);
  expect(write.json).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  expect(await privateReads(stale)).toEqual(NOTHING);
}

describe("writes need a session", () => {
  it("answers 401 to every own-work write without one and creates no user", async () => {
    const users = await db.user.count();
    const nobody = new AuthSession();
    const writes = [
      await saveDraft(nobody),
      await nobody.route(postSubmission, "/api/submissions", {
        method: "POST",
        body: { exerciseId: exercise.trackSlug, code: "x\n" },
      }),
      await nobody.route(postAttempt, "/api/quizzes/attempts", { method: "POST", body: { quizId: "foundations" } }),
    ];
    expect(writes.map((w) => [w.status, (w.json as { error?: { code?: string } }).error?.code])).toEqual(
      Array(3).fill([401, "unauthorized"]),
    );
    expect(await db.user.count()).toBe(users);
  });

  it("accepts the write once the browser signed in as a guest on purpose", async () => {
    const guest = new AuthSession();
    expect((await guest.auth("sign-in/anonymous", {})).status).toBe(200);
    expect((await saveDraft(guest)).status).toBe(200);
  });
});

describe("ending a session counts on the next request", () => {
  it("sign-out", async () => {
    const { browser } = await signUp();
    expect((await saveDraft(browser)).status).toBe(200);
    const stale = browser.clone();
    expect((await browser.auth("sign-out", {})).status).toBe(200);
    await expectEnded(stale);
  });

  it("revoke other sessions", async () => {
    const { browser: laptop, email } = await signUp();
    const phone = await signIn(email);
    expect((await saveDraft(phone)).status).toBe(200);
    expect((await laptop.auth("revoke-other-sessions", {})).status).toBe(200);
    await expectEnded(phone);
    expect((await saveDraft(laptop)).status).toBe(200);
  });

  it("password change, even when the client asks to keep the other sessions", async () => {
    const { browser: laptop, email } = await signUp();
    const phone = await signIn(email);
    const changed = await laptop.auth("change-password", {
      currentPassword: PASSWORD,
      newPassword: "a brand new passphrase",
      revokeOtherSessions: false,
    });
    expect(changed.status).toBe(200);
    await expectEnded(phone);
    // The browser that changed it got a fresh session.
    expect((await saveDraft(laptop)).status).toBe(200);
  });

  it("password reset", async () => {
    const { browser, email } = await signUp();
    const stale = browser.clone();
    await new AuthSession().auth("request-password-reset", { email, redirectTo: "/reset-password" });
    const mail = await db.mailMessage.findFirstOrThrow({ where: { to: email, kind: "reset_password" } });
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(
      (await new AuthSession().auth("reset-password", { token, newPassword: "a brand new passphrase" })).status,
    ).toBe(200);
    await expectEnded(stale);
  });

  it("a role change: a demoted teacher's next class write is refused", async () => {
    const { browser, id } = await signUp();
    await db.user.update({ where: { id }, data: { role: "teacher" } });
    expect((await browser.route(postClass, "/api/classes", { method: "POST", body: { name: "Mine" } })).status).toBe(
      201,
    );
    await db.user.update({ where: { id }, data: { role: "student" } });
    expect(
      (await browser.route(postClass, "/api/classes", { method: "POST", body: { name: "Still mine?" } })).status,
    ).toBe(403);
    expect((await browser.route(getClasses, "/api/classes")).status).toBe(403);
    expect(await db.class.count({ where: { ownerId: id } })).toBe(1);
  });
});

describe("the cookie of a deleted user", () => {
  it("is 401 (never 500) after an admin deletes the account", async () => {
    const { browser, id } = await signUp();
    expect((await saveDraft(browser)).status).toBe(200);
    await db.user.delete({ where: { id } });
    await expectEnded(browser);
    expect((await browser.route(postClass, "/api/classes", { method: "POST", body: { name: "Ghost" } })).status).toBe(
      401,
    );
  });

  it("is 401 for a guest deleted after linking to an account", async () => {
    const guest = new AuthSession();
    await guest.auth("sign-in/anonymous", {});
    const guestId = (await sessionUser(guest))?.id ?? "";
    expect((await saveDraft(guest)).status).toBe(200);
    const guestCookie = guest.clone();
    expect(
      (
        await guest.auth("sign-up/email", {
          name: "Ada",
          email: `a-${randomUUID().slice(0, 8)}@example.test`,
          password: PASSWORD,
        })
      ).status,
    ).toBe(200);
    expect(await db.user.findUnique({ where: { id: guestId } })).toBeNull();
    await expectEnded(guestCookie);
    // The draft moved to the account, which still reads it.
    expect((await privateReads(guest)).drafts).toMatchObject({ draft: { code: "export const a = 1;\n" } });
  });
});

describe("better-auth's user fields", () => {
  it("refuses a NUL or a huge display name with 400 and keeps the old one", async () => {
    const { browser, id } = await signUp();
    const nul = await browser.auth("update-user", { name: "Sam\u0000" });
    expect(nul.status).toBe(400);
    expect(JSON.stringify(nul.json)).toMatch(/name/);
    expect((await browser.auth("update-user", { name: "x".repeat(10 * 1024 * 1024) })).status).toBe(400);
    expect((await browser.auth("update-user", { name: 42 })).status).toBe(400);
    expect((await browser.auth("update-user", { image: "https://x.example/\u0007" })).status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).name).toBe("Sam");
    expect((await browser.auth("update-user", { name: "Samantha" })).status).toBe(200);
    const signUpNul = await new AuthSession().auth("sign-up/email", {
      name: "Eve\u0000",
      email: `e-${randomUUID().slice(0, 8)}@example.test`,
      password: PASSWORD,
    });
    expect(signUpNul.status).toBe(400);
  });
});

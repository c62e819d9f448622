// Roles on the server: only admins reach the admin API (users, role changes, mail outbox);
// everyone else gets 401/403 and no data. The /admin page calls the same requireAdmin.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMail } from "@/app/api/admin/mail/route";
import { PUT as putRole } from "@/app/api/admin/users/[userId]/role/route";
import { GET as getUsers } from "@/app/api/admin/users/route";
import { requireAdmin } from "@/lib/auth/require-admin";
import { getViewer } from "@/lib/auth/viewer";
import { db, disconnectDb } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { AuthSession, sessionUser, useTestAuthSecret } from "./support/auth-session.ts";
import { useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
afterAll(() => disconnectDb());

const PASSWORD = "correct horse battery";

async function account(
  role: "student" | "teacher" | "admin",
): Promise<{ browser: AuthSession; id: string; email: string }> {
  const browser = new AuthSession();
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  await browser.auth("sign-up/email", { name: `A ${role}`, email, password: PASSWORD });
  const id = (await sessionUser(browser))?.id ?? "";
  await db.user.update({ where: { id }, data: { role } });
  // Sign in again so the session's cached copy of the user carries the role.
  await browser.auth("sign-in/email", { email, password: PASSWORD });
  return { browser, id, email };
}

let admin: Awaited<ReturnType<typeof account>>;
let student: Awaited<ReturnType<typeof account>>;
let teacher: Awaited<ReturnType<typeof account>>;
let guest: AuthSession;

beforeAll(async () => {
  [admin, student, teacher] = await Promise.all([account("admin"), account("student"), account("teacher")]);
  guest = new AuthSession();
  await guest.auth("sign-in/anonymous", {});
  await sendMail({ kind: "reset_password", to: "someone@example.test", subject: "Reset", text: "secret link" });
});

describe("admin API", () => {
  it("lists accounts and the outbox for an admin", async () => {
    const users = await admin.browser.route(getUsers, "/api/admin/users");
    expect(users.status).toBe(200);
    expect(JSON.stringify(users.json)).toContain(student.email);
    const guestId = (await sessionUser(guest))?.id ?? "missing";
    expect(JSON.stringify(users.json)).not.toContain(guestId); // guests are counted, not listed
    expect(users.json).toMatchObject({ guests: expect.any(Number) });
    const mail = await admin.browser.route(getMail, "/api/admin/mail");
    expect(mail.status).toBe(200);
    expect(JSON.stringify(mail.json)).toContain("secret link");
  });

  it("refuses visitors, guests, students and teachers without leaking data", async () => {
    const cases: [AuthSession, number][] = [
      [new AuthSession(), 401],
      [guest, 401],
      [student.browser, 403],
      [teacher.browser, 403],
    ];
    for (const [browser, status] of cases) {
      for (const [handler, path] of [
        [getUsers, "/api/admin/users"],
        [getMail, "/api/admin/mail"],
      ] as const) {
        const response = await browser.route(handler, path);
        expect(response.status).toBe(status);
        expect(Object.keys(response.json as object)).toEqual(["error"]);
        expect(JSON.stringify(response.json)).not.toContain("secret link");
      }
      const promote = await browser.route(putRole, `/api/admin/users/${student.id}/role`, {
        method: "PUT",
        body: { role: "admin" },
        params: { userId: student.id },
      });
      expect(promote.status).toBe(status);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe("student");
  });

  it("lets an admin promote a student to teacher, but not change their own role or a guest's", async () => {
    const promote = await admin.browser.route(putRole, `/api/admin/users/${student.id}/role`, {
      method: "PUT",
      body: { role: "teacher" },
      params: { userId: student.id },
    });
    expect(promote).toEqual({ status: 200, json: { user: { id: student.id, role: "teacher", previous: "student" } } });
    expect((await db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe("teacher");
    // Server-side checks see the new role on the student's very next request, cookie cache or not.
    expect((await getViewer({ headers: student.browser.headers() })).viewer).toMatchObject({
      id: student.id,
      role: "teacher",
    });

    const self = await admin.browser.route(putRole, `/api/admin/users/${admin.id}/role`, {
      method: "PUT",
      body: { role: "student" },
      params: { userId: admin.id },
    });
    expect(self.status).toBe(409);
    const guestId = (await sessionUser(guest))?.id ?? "";
    const toGuest = await admin.browser.route(putRole, `/api/admin/users/${guestId}/role`, {
      method: "PUT",
      body: { role: "teacher" },
      params: { userId: guestId },
    });
    expect(toGuest.status).toBe(400);
    const bogus = await admin.browser.route(putRole, `/api/admin/users/${student.id}/role`, {
      method: "PUT",
      body: { role: "root" },
      params: { userId: student.id },
    });
    expect(bogus.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("takes a demotion into account at once, whatever the session cookie still says", async () => {
    const other = await account("admin");
    expect((await other.browser.route(getUsers, "/api/admin/users")).status).toBe(200);
    await db.user.update({ where: { id: other.id }, data: { role: "teacher" } });
    expect((await other.browser.route(getUsers, "/api/admin/users")).status).toBe(403);
    await expect(requireAdmin({ viewer: { id: other.id, isAnonymous: false, role: "admin" } })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

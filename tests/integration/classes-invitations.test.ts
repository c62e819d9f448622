// A teacher invites students by email: one invitation per address through the mail module
// (the outbox here), carrying the join link. Nobody else can send them, and a bad list stores
// nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as invitationsRoute from "@/app/api/classes/[classId]/invitations/route";
import { createClass } from "@/lib/classes/create-class";
import { db, disconnectDb } from "@/lib/db";
import { callRoute, createPerson, type Person } from "./support/classes-fixtures.ts";
import { useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

let teacher: Person, otherTeacher: Person, student: Person;
let classId: string, joinCode: string;
const CLASS_NAME = "Invited Seminar 91c2";

beforeAll(async () => {
  [teacher, otherTeacher, student] = await Promise.all([
    createPerson("teacher"),
    createPerson("teacher"),
    createPerson("student"),
  ]);
  const created = await createClass({ viewer: teacher.viewer, name: CLASS_NAME });
  classId = created.id;
  joinCode = created.joinCode;
});

const invite = (as: Person | null, body: unknown) =>
  callRoute(invitationsRoute.POST, {
    method: "POST",
    path: `/api/classes/${classId}/invitations`,
    as,
    params: { classId },
    body,
  });

const mailsTo = (emails: string[]) =>
  db.mailMessage.findMany({ where: { to: { in: emails } }, orderBy: { to: "asc" } });

describe("invitations by email", () => {
  it("sends each address (deduplicated, case-folded) the class's join link", async () => {
    const emails = [`ada.${classId.slice(0, 6)}@school.example`, `grace.${classId.slice(0, 6)}@school.example`];
    const response = await invite(teacher, { emails: [emails[0], (emails[1] ?? "").toUpperCase(), emails[0]] });
    expect(response.status).toBe(202);
    expect(JSON.parse(response.text)).toEqual({ sent: 2, failed: [] });
    const mails = await mailsTo(emails);
    expect(mails.map((m) => [m.to, m.kind, m.transport])).toEqual(emails.map((e) => [e, "invitation", "outbox"]));
    for (const mail of mails) {
      expect(mail.subject).toContain(CLASS_NAME);
      expect(mail.text).toContain(`/join/${joinCode}`);
    }
  });

  it("refuses anyone but the class's teacher, sending nothing and showing nothing", async () => {
    const email = `nobody.${classId.slice(0, 6)}@school.example`;
    for (const [as, status] of [
      [null, 401],
      [student, 403],
      [otherTeacher, 404],
    ] as const) {
      const response = await invite(as, { emails: [email] });
      expect(response.status).toBe(status);
      expect(response.text).not.toContain(CLASS_NAME);
      expect(response.text).not.toContain(joinCode);
    }
    expect(await mailsTo([email])).toEqual([]);
  });

  it("rejects a list with a malformed address as a whole, with a clear message", async () => {
    const good = `fine.${classId.slice(0, 6)}@school.example`;
    const response = await invite(teacher, { emails: [good, "not-an-address"] });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error.message).toMatch(/email/i);
    expect(await mailsTo([good])).toEqual([]);
    expect((await invite(teacher, { emails: [] })).status).toBe(400);
  });
});

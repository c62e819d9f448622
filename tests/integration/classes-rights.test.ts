// Who may do what with classes, through the real route handlers and a real session: every
// denied cell answers 401/403/404 and its body carries none of the class's data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as assignmentRoute from "@/app/api/classes/[classId]/assignments/[assignmentId]/route";
import * as assignmentsRoute from "@/app/api/classes/[classId]/assignments/route";
import * as classRoute from "@/app/api/classes/[classId]/route";
import * as studentRoute from "@/app/api/classes/[classId]/students/[userId]/route";
import * as joinRoute from "@/app/api/classes/join/route";
import * as classesRoute from "@/app/api/classes/route";
import * as csvRoute from "@/app/teach/classes/[classId]/gradebook.csv/route";
import { createClass } from "@/lib/classes/create-class";
import { getClassByCode } from "@/lib/classes/get-class-by-code";
import { getGradebook } from "@/lib/classes/get-gradebook";
import { joinClass } from "@/lib/classes/join-class";
import { listJoinedClasses } from "@/lib/classes/list-joined-classes";
import { listMyAssignments } from "@/lib/classes/list-my-assignments";
import { listRoster } from "@/lib/classes/list-roster";
import { listTaughtClasses } from "@/lib/classes/list-taught-classes";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { callRoute, createPerson, type Person } from "./support/classes-fixtures.ts";
import { createExercise, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

let teacher: Person, otherTeacher: Person, studentA: Person, studentB: Person, guest: Person;
let classId: string, joinCode: string, assignmentId: string, trackSlug: string;
const CLASS_NAME = "Secret Seminar 7f3a";

beforeAll(async () => {
  [teacher, otherTeacher, studentA, studentB, guest] = await Promise.all([
    createPerson("teacher", "Ada Teacher"),
    createPerson("teacher", "Other Teacher"),
    createPerson("student", "Student Alpha"),
    createPerson("student", "Student Beta"),
    createPerson("anonymous"),
  ]);
  const exercise = await createExercise();
  trackSlug = exercise.trackSlug;
  const created = await createClass({ viewer: teacher.viewer, name: CLASS_NAME });
  classId = created.id;
  joinCode = created.joinCode;
  await joinClass({ viewer: studentA.viewer, code: joinCode });
  const added = await db.assignment.create({ data: { classId, kind: "exercise", exerciseId: exercise.id } });
  assignmentId = added.id;
});

/** Strings that would reveal the class if they appeared in a refused response. */
function secrets(): string[] {
  return [CLASS_NAME, joinCode, studentA.email, studentA.name, trackSlug, assignmentId];
}

type Cell = { actor: () => Person | null; label: string; status: number };
const anonymousCells: Cell[] = [
  { label: "no session", actor: () => null, status: 401 },
  { label: "guest (anonymous) session", actor: () => guest, status: 401 },
];
const teacherOnlyCells: Cell[] = [
  ...anonymousCells,
  { label: "a student of the class", actor: () => studentA, status: 403 },
  { label: "a student of another class", actor: () => studentB, status: 403 },
  { label: "another teacher", actor: () => otherTeacher, status: 404 },
];

type Endpoint = { name: string; call: (as: Person | null) => ReturnType<typeof callRoute> };
const endpoints: Endpoint[] = [
  {
    name: "PATCH class (rename)",
    call: (as) =>
      callRoute(classRoute.PATCH, {
        method: "PATCH",
        path: `/api/classes/${classId}`,
        as,
        params: { classId },
        body: { name: "Hijacked" },
      }),
  },
  {
    name: "PATCH class (archive)",
    call: (as) =>
      callRoute(classRoute.PATCH, {
        method: "PATCH",
        path: `/api/classes/${classId}`,
        as,
        params: { classId },
        body: { archived: true },
      }),
  },
  {
    name: "DELETE student",
    call: (as) =>
      callRoute(studentRoute.DELETE, {
        method: "DELETE",
        path: `/api/classes/${classId}/students/${studentA.id}`,
        as,
        params: { classId, userId: studentA.id },
      }),
  },
  {
    name: "GET assignments",
    call: (as) =>
      callRoute(assignmentsRoute.GET, {
        method: "GET",
        path: `/api/classes/${classId}/assignments`,
        as,
        params: { classId },
      }),
  },
  {
    name: "POST assignment",
    call: (as) =>
      callRoute(assignmentsRoute.POST, {
        method: "POST",
        path: `/api/classes/${classId}/assignments`,
        as,
        params: { classId },
        body: { kind: "quiz", quizId: "foundations" },
      }),
  },
  {
    name: "PATCH assignment due date",
    call: (as) =>
      callRoute(assignmentRoute.PATCH, {
        method: "PATCH",
        path: `/api/classes/${classId}/assignments/${assignmentId}`,
        as,
        params: { classId, assignmentId },
        body: { dueAt: "2030-01-01T00:00:00Z" },
      }),
  },
  {
    name: "DELETE assignment",
    call: (as) =>
      callRoute(assignmentRoute.DELETE, {
        method: "DELETE",
        path: `/api/classes/${classId}/assignments/${assignmentId}`,
        as,
        params: { classId, assignmentId },
      }),
  },
  {
    name: "GET gradebook.csv",
    call: (as) =>
      callRoute(csvRoute.GET, {
        method: "GET",
        path: `/teach/classes/${classId}/gradebook.csv`,
        as,
        params: { classId },
      }),
  },
];

describe("teacher routes refuse everyone but the class's teacher", () => {
  for (const endpoint of endpoints) {
    for (const cell of teacherOnlyCells) {
      it(`${endpoint.name}: ${cell.label} → ${cell.status}`, async () => {
        const response = await endpoint.call(cell.actor());
        expect(response.status).toBe(cell.status);
        expect(response.headers.get("content-type")).toMatch(/json/);
        for (const secret of secrets()) expect(response.text).not.toContain(secret);
      });
    }
  }

  it("left the class exactly as it was", async () => {
    const found = await db.class.findUniqueOrThrow({
      where: { id: classId },
      include: { members: true, assignments: true },
    });
    expect(found).toMatchObject({ name: CLASS_NAME, archived: false });
    expect(found.members.map((m) => m.userId)).toEqual([studentA.id]);
    expect(found.assignments.map((a) => [a.id, a.dueAt])).toEqual([[assignmentId, null]]);
  });

  it("answers a made-up or malformed class id like another teacher's class", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const response = await callRoute(csvRoute.GET, {
        method: "GET",
        path: `/teach/classes/${id}/gradebook.csv`,
        as: teacher,
        params: { classId: id },
      });
      expect(response.status).toBe(404);
    }
  });

  it("lets the class's own teacher do all of it", async () => {
    const csv = await callRoute(csvRoute.GET, { method: "GET", path: "/x", as: teacher, params: { classId } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.text).toContain(studentA.email);
    const list = await callRoute(assignmentsRoute.GET, { method: "GET", path: "/x", as: teacher, params: { classId } });
    expect(list.status).toBe(200);
    expect(list.text).toContain(trackSlug);
  });

  it("lets an admin look at any class", async () => {
    const admin = await createPerson("admin");
    const response = await callRoute(csvRoute.GET, { method: "GET", path: "/x", as: admin, params: { classId } });
    expect(response.status).toBe(200);
  });
});

describe("creating and listing classes", () => {
  it("refuses anonymous visitors (401) and students (403) without creating anything", async () => {
    const before = await db.class.count();
    for (const [as, status] of [
      [null, 401],
      [guest, 401],
      [studentA, 403],
    ] as const) {
      const response = await callRoute(classesRoute.POST, {
        method: "POST",
        path: "/api/classes",
        as,
        params: {},
        body: { name: "Sneaky" },
      });
      expect(response.status).toBe(status);
      const listing = await callRoute(classesRoute.GET, { method: "GET", path: "/api/classes", as, params: {} });
      expect(listing.status).toBe(status);
      expect(listing.text).not.toContain(CLASS_NAME);
    }
    expect(await db.class.count()).toBe(before);
  });

  it("gives a teacher a class with an 8-character unambiguous code, listed only for them", async () => {
    const response = await callRoute(classesRoute.POST, {
      method: "POST",
      path: "/api/classes",
      as: otherTeacher,
      params: {},
      body: { name: "  Rust in spring " },
    });
    expect(response.status).toBe(201);
    const body = JSON.parse(response.text) as { class: { id: string; name: string; joinCode: string } };
    expect(body.class.name).toBe("Rust in spring");
    expect(body.class.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const mine = await listTaughtClasses({ viewer: otherTeacher.viewer });
    expect(mine.map((c) => c.name)).toEqual(["Rust in spring"]);
    expect((await listTaughtClasses({ viewer: teacher.viewer })).map((c) => c.name)).not.toContain("Rust in spring");
  });

  it("rejects an empty name with 400", async () => {
    const response = await callRoute(classesRoute.POST, {
      method: "POST",
      path: "/api/classes",
      as: teacher,
      params: {},
      body: { name: "   " },
    });
    expect(response.status).toBe(400);
  });
});

describe("joining", () => {
  const join = (as: Person | null, code: string) =>
    callRoute(joinRoute.POST, { method: "POST", path: "/api/classes/join", as, params: {}, body: { code } });

  it("refuses visitors without an account, and says nothing about the class", async () => {
    for (const as of [null, guest]) {
      const response = await join(as, joinCode);
      expect(response.status).toBe(401);
      for (const secret of secrets()) expect(response.text).not.toContain(secret);
    }
    expect(await db.classMember.count({ where: { classId, userId: guest.id } })).toBe(0);
  });

  it("is idempotent and accepts the code as people type it", async () => {
    const typed = `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4)}`;
    const first = await join(studentB, typed);
    expect(first.status).toBe(201);
    const again = await join(studentB, joinCode);
    expect(again.status).toBe(200);
    expect(await db.classMember.count({ where: { classId, userId: studentB.id } })).toBe(1);
    await db.classMember.delete({ where: { classId_userId: { classId, userId: studentB.id } } });
  });

  it("answers unknown codes with 404 and keeps the class's teacher out of the student list", async () => {
    expect((await join(studentB, "ZZZZZZZZ")).status).toBe(404);
    expect((await join(studentB, "nonsense!")).status).toBe(400);
    const own = await join(teacher, joinCode);
    expect(own.status).toBe(409);
    expect(await db.classMember.count({ where: { classId, userId: teacher.id } })).toBe(0);
  });

  it("refuses new students once the class is archived", async () => {
    const archived = await createClass({ viewer: teacher.viewer, name: "Old class" });
    await db.class.update({ where: { id: archived.id }, data: { archived: true } });
    expect((await join(studentB, archived.joinCode)).status).toBe(409);
  });
});

describe("a student sees only their own classes and work", () => {
  it("keeps student B out of student A's class and assignments", async () => {
    expect(await listJoinedClasses({ viewer: studentB.viewer })).toEqual([]);
    expect(await listMyAssignments({ viewer: studentB.viewer })).toEqual([]);
    const mine = await listMyAssignments({ viewer: studentA.viewer });
    expect(mine.map((a) => a.ref)).toEqual([trackSlug]);
  });

  it("refuses the teacher-only lib functions to students and other teachers", async () => {
    for (const viewer of [studentA.viewer, otherTeacher.viewer, guest.viewer, null]) {
      for (const call of [() => getGradebook({ viewer, classId }), () => listRoster({ viewer, classId })]) {
        const error = await call().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect(["unauthorized", "forbidden", "not_found"]).toContain((error as AppError).code);
      }
    }
  });
});

describe("the join page's lookup", () => {
  it("shows only the class name and teacher, and how the viewer stands to it", async () => {
    const asGuest = await getClassByCode({ code: joinCode.toLowerCase(), viewer: null });
    expect(asGuest).toEqual({
      id: classId,
      name: CLASS_NAME,
      teacherName: "Ada Teacher",
      archived: false,
      joinCode,
      viewerIs: "guest",
    });
    expect((await getClassByCode({ code: joinCode, viewer: guest.viewer }))?.viewerIs).toBe("guest");
    expect((await getClassByCode({ code: joinCode, viewer: teacher.viewer }))?.viewerIs).toBe("teacher");
    expect((await getClassByCode({ code: joinCode, viewer: studentA.viewer }))?.viewerIs).toBe("member");
    expect((await getClassByCode({ code: joinCode, viewer: otherTeacher.viewer }))?.viewerIs).toBe("outsider");
    expect(await getClassByCode({ code: "ZZZZZZZZ", viewer: null })).toBeNull();
    expect(await getClassByCode({ code: "../etc", viewer: null })).toBeNull();
  });
});

describe("the owner renames and archives", () => {
  it("renames, archives (the class leaves its students' dashboards) and restores", async () => {
    const own = await createClass({ viewer: teacher.viewer, name: "Term two" });
    await joinClass({ viewer: studentB.viewer, code: own.joinCode });
    const patch = (body: unknown) =>
      callRoute(classRoute.PATCH, {
        method: "PATCH",
        path: `/api/classes/${own.id}`,
        as: teacher,
        params: { classId: own.id },
        body,
      });
    expect((await patch({ name: "Term two (B)" })).status).toBe(200);
    expect((await patch({})).status).toBe(400);
    expect((await listJoinedClasses({ viewer: studentB.viewer })).map((c) => c.name)).toEqual(["Term two (B)"]);
    const archived = await patch({ archived: true });
    expect(JSON.parse(archived.text)).toEqual({ class: { id: own.id, name: "Term two (B)", archived: true } });
    expect(await listJoinedClasses({ viewer: studentB.viewer })).toEqual([]);
    expect((await patch({ archived: false })).status).toBe(200);
    expect((await listJoinedClasses({ viewer: studentB.viewer })).map((c) => c.name)).toEqual(["Term two (B)"]);
  });
});

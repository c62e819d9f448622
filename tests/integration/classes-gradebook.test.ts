// The gradebook's numbers against real Postgres: best score, attempts, first pass, late (both
// ways), regrades replacing verdicts, quizzes, and the CSV built from the same data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAssignment } from "@/lib/classes/add-assignment";
import { createClass } from "@/lib/classes/create-class";
import { getGradebook, type Gradebook } from "@/lib/classes/get-gradebook";
import { gradebookCsv } from "@/lib/classes/gradebook-csv";
import { joinClass } from "@/lib/classes/join-class";
import { listMyAssignments } from "@/lib/classes/list-my-assignments";
import { listRoster } from "@/lib/classes/list-roster";
import { removeAssignment } from "@/lib/classes/remove-assignment";
import { removeStudent } from "@/lib/classes/remove-student";
import { updateAssignment } from "@/lib/classes/update-assignment";
import { db, disconnectDb } from "@/lib/db";
import { createPerson, type Person } from "./support/classes-fixtures.ts";
import { createExercise, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

const at = (iso: string) => new Date(iso);
const NOW = at("2026-03-10T12:00:00Z");
const DUE = at("2026-03-05T00:00:00Z");

let teacher: Person, early: Person, lateOne: Person, stuck: Person, idle: Person;
let classId: string, counter: { id: string; trackSlug: string }, racer: { id: string; trackSlug: string };

/** A submission whose grading runs finished (or not) as given, oldest run first. */
async function submit(
  userId: string,
  exerciseId: string,
  createdAt: string,
  runs: { status: "pass" | "fail" | "error" | null; score: number | null }[],
) {
  const submission = await db.submission.create({
    data: { userId, exerciseId, language: "typescript", code: "x", createdAt: at(createdAt) },
  });
  for (const [i, run] of runs.entries()) {
    await db.gradingRun.create({
      data: {
        submissionId: submission.id,
        state: run.status === null ? "queued" : "done",
        status: run.status,
        score: run.score,
        createdAt: new Date(at(createdAt).getTime() + (i + 1) * 60_000),
      },
    });
  }
}

let book: Gradebook;
const cell = (person: Person, slugOrQuiz: string) => {
  const row = book.rows.find((r) => r.userId === person.id);
  const index = book.assignments.findIndex((a) => a.ref === slugOrQuiz);
  return row?.cells[index];
};

beforeAll(async () => {
  [teacher, early, lateOne, stuck, idle] = await Promise.all([
    createPerson("teacher"),
    createPerson("student", 'Early, "Eve"'),
    createPerson("student", '=HYPERLINK("x")'),
    createPerson("student", "Stuck Sam"),
    createPerson("student", "Idle Ida"),
  ]);
  [counter, racer] = await Promise.all([createExercise(), createExercise()]);
  const created = await createClass({ viewer: teacher.viewer, name: 'Gradebook, "numbers"' });
  classId = created.id;
  for (const p of [early, lateOne, stuck, idle]) await joinClass({ viewer: p.viewer, code: created.joinCode });
  await addAssignment({
    viewer: teacher.viewer,
    classId,
    assignment: { kind: "exercise", exerciseId: counter.trackSlug, dueAt: DUE },
  });
  await addAssignment({
    viewer: teacher.viewer,
    classId,
    assignment: { kind: "exercise", exerciseId: racer.trackSlug },
  });
  await addAssignment({
    viewer: teacher.viewer,
    classId,
    assignment: { kind: "quiz", quizId: "foundations", dueAt: DUE },
  });

  // early: fail, then pass before the due date, then a later failing try (best stays 1, pass time is the first).
  await submit(early.id, counter.id, "2026-03-01T10:00:00Z", [{ status: "fail", score: 0.5 }]);
  await submit(early.id, counter.id, "2026-03-02T10:00:00Z", [{ status: "pass", score: 1 }]);
  await submit(early.id, counter.id, "2026-03-03T10:00:00Z", [{ status: "fail", score: 0.25 }]);
  // lateOne: passes after the due date.
  await submit(lateOne.id, counter.id, "2026-03-07T09:00:00Z", [{ status: "pass", score: 1 }]);
  // stuck: a pass that a regrade turned into a fail, a queued regrade of another, and one still queued.
  await submit(stuck.id, counter.id, "2026-03-01T09:00:00Z", [
    { status: "pass", score: 1 },
    { status: "fail", score: 0.75 },
  ]);
  await submit(stuck.id, counter.id, "2026-03-02T09:00:00Z", [
    { status: "fail", score: 0.4 },
    { status: null, score: null },
  ]);
  await submit(stuck.id, counter.id, "2026-03-03T09:00:00Z", [{ status: null, score: null }]);
  // Work on an exercise of no assignment, and by someone outside the class, must not count.
  await submit(early.id, racer.id, "2026-03-01T09:00:00Z", [{ status: "pass", score: 1 }]);
  const outsider = await createPerson("student");
  await submit(outsider.id, counter.id, "2026-03-01T09:00:00Z", [{ status: "pass", score: 1 }]);
  // Quiz: two submitted attempts (best 8/10) and an open one that does not count.
  const quiz = (userId: string, score: number | null, submittedAt: string | null) =>
    db.quizAttempt.create({
      data: {
        userId,
        quizId: "foundations",
        seed: "s",
        items: [],
        score,
        maxScore: 10,
        submittedAt: submittedAt ? at(submittedAt) : null,
      },
    });
  await quiz(early.id, 6, "2026-03-04T10:00:00Z");
  await quiz(early.id, 8, "2026-03-06T10:00:00Z");
  await quiz(early.id, null, null);
  await quiz(lateOne.id, 10, "2026-03-08T10:00:00Z");

  book = await getGradebook({ viewer: teacher.viewer, classId, now: NOW });
});

describe("getGradebook", () => {
  it("lists students by name and assignments in the order they were set", () => {
    expect(book.rows.map((r) => r.name)).toEqual(['=HYPERLINK("x")', 'Early, "Eve"', "Idle Ida", "Stuck Sam"]);
    expect(book.assignments.map((a) => a.ref)).toEqual([counter.trackSlug, racer.trackSlug, "foundations"]);
  });

  it("takes the best score, counts every submission, and dates the first pass", () => {
    expect(cell(early, counter.trackSlug)).toMatchObject({
      best: 1,
      attempts: 3,
      status: "passed",
      late: false,
      doneAt: at("2026-03-02T10:00:00Z"),
    });
    expect(cell(early, racer.trackSlug)).toMatchObject({ best: 1, attempts: 1, status: "passed", late: false });
  });

  it("flags a pass after the due date as late, and an unpassed assignment once the date has gone by", () => {
    expect(cell(lateOne, counter.trackSlug)).toMatchObject({ best: 1, attempts: 1, status: "passed", late: true });
    expect(cell(idle, counter.trackSlug)).toMatchObject({ best: null, attempts: 0, status: "not_started", late: true });
    // No due date: never late.
    expect(cell(idle, racer.trackSlug)).toMatchObject({ attempts: 0, late: false });
  });

  it("uses each submission's latest finished run, so a regrade replaces the old verdict", () => {
    expect(cell(stuck, counter.trackSlug)).toMatchObject({
      best: 0.75,
      attempts: 3,
      status: "attempted",
      doneAt: null,
      late: true,
    });
    const row = book.rows.find((r) => r.userId === stuck.id);
    expect(row?.stuck).toBe(true);
    expect(book.rows.filter((r) => r.stuck).map((r) => r.name)).toEqual(["Stuck Sam"]);
  });

  it("scores quizzes by the best submitted attempt and dates them by the first submission", () => {
    // Submitted first before the due date: a later, better retake after it does not make it late.
    expect(cell(early, "foundations")).toMatchObject({
      best: 0.8,
      attempts: 2,
      status: "submitted",
      late: false,
      doneAt: at("2026-03-04T10:00:00Z"),
    });
    expect(cell(lateOne, "foundations")).toMatchObject({ best: 1, attempts: 1, late: true });
    expect(cell(stuck, "foundations")).toMatchObject({ best: null, attempts: 0, status: "not_started", late: true });
  });

  it("totals the best scores per student", () => {
    const totals = Object.fromEntries(book.rows.map((r) => [r.name, [r.total, r.done]]));
    expect(totals).toEqual({
      'Early, "Eve"': [2.8, 3],
      '=HYPERLINK("x")': [2, 2],
      "Stuck Sam": [0.75, 0],
      "Idle Ida": [0, 0],
    });
  });
});

describe("the CSV export", () => {
  it("quotes commas and quotes, neutralises formulas, and has one row per student", () => {
    const csv = gradebookCsv(book);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines[0]).toBe(
      `student,email,joined_at,total,done,${counter.trackSlug} score,${counter.trackSlug} attempts,${counter.trackSlug} passed_at,${counter.trackSlug} late,` +
        `${racer.trackSlug} score,${racer.trackSlug} attempts,${racer.trackSlug} passed_at,${racer.trackSlug} late,` +
        "foundations score,foundations attempts,foundations submitted_at,foundations late",
    );
    expect(lines[1]?.startsWith(`"'=HYPERLINK(""x"")",${lateOne.email},`)).toBe(true);
    const eve = lines[2] ?? "";
    expect(eve.startsWith(`"Early, ""Eve""",${early.email},`)).toBe(true);
    expect(
      eve.endsWith(
        ",2.8,3,1,3,2026-03-02T10:00:00.000Z,false,1,1,2026-03-01T09:00:00.000Z,false,0.8,2,2026-03-04T10:00:00.000Z,false",
      ),
    ).toBe(true);
    expect(lines[3]?.endsWith(",0,0,,0,,true,,0,,false,,0,,true")).toBe(true);
  });
});

describe("roster, assignments and the student's own view", () => {
  it("summarises progress per student on the roster", async () => {
    const roster = await listRoster({ viewer: teacher.viewer, classId, now: NOW });
    const sam = roster.find((r) => r.userId === stuck.id);
    expect(sam).toMatchObject({
      name: "Stuck Sam",
      email: stuck.email,
      progress: { done: 0, attempted: 1, late: 2, total: 3 },
    });
  });

  it("gives a student their status on every assignment, due soonest first", async () => {
    const mine = await listMyAssignments({ viewer: early.viewer, now: NOW });
    expect(mine.map((a) => [a.ref, a.className, a.result.status, a.result.late])).toEqual([
      [counter.trackSlug, 'Gradebook, "numbers"', "passed", false],
      ["foundations", 'Gradebook, "numbers"', "submitted", false],
      [racer.trackSlug, 'Gradebook, "numbers"', "passed", false],
    ]);
  });

  it("refuses duplicates and unknown targets, changes due dates and removes assignments", async () => {
    const duplicate = addAssignment({
      viewer: teacher.viewer,
      classId,
      assignment: { kind: "exercise", exerciseId: counter.trackSlug },
    });
    await expect(duplicate).rejects.toMatchObject({ code: "conflict" });
    await expect(
      addAssignment({ viewer: teacher.viewer, classId, assignment: { kind: "exercise", exerciseId: "ts/nope" } }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      addAssignment({ viewer: teacher.viewer, classId, assignment: { kind: "quiz", quizId: "nope" } }),
    ).rejects.toMatchObject({ code: "bad_request" });

    const racerAssignment = book.assignments.find((a) => a.ref === racer.trackSlug);
    if (!racerAssignment) throw new Error("racer assignment missing");
    await updateAssignment({
      viewer: teacher.viewer,
      classId,
      assignmentId: racerAssignment.id,
      dueAt: at("2026-03-01T00:00:00Z"),
    });
    const after = await getGradebook({ viewer: teacher.viewer, classId, now: NOW });
    const racerIndex = after.assignments.findIndex((a) => a.id === racerAssignment.id);
    expect(after.rows.find((r) => r.userId === early.id)?.cells[racerIndex]?.late).toBe(true);

    // An assignment id from another class is not found, even for a teacher of both.
    const other = await createClass({ viewer: teacher.viewer, name: "Other" });
    await expect(
      removeAssignment({ viewer: teacher.viewer, classId: other.id, assignmentId: racerAssignment.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await removeAssignment({ viewer: teacher.viewer, classId, assignmentId: racerAssignment.id });
    expect((await getGradebook({ viewer: teacher.viewer, classId, now: NOW })).assignments).toHaveLength(2);
  });

  it("removes a student from the class but keeps their work", async () => {
    await removeStudent({ viewer: teacher.viewer, classId, userId: idle.id });
    await expect(removeStudent({ viewer: teacher.viewer, classId, userId: idle.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await getGradebook({ viewer: teacher.viewer, classId, now: NOW })).rows.map((r) => r.userId)).not.toContain(
      idle.id,
    );
    expect(await listMyAssignments({ viewer: idle.viewer })).toEqual([]);
    expect(await db.submission.count({ where: { userId: early.id } })).toBe(4);
  });
});

describe("createClass", () => {
  it("draws again when a join code is taken", async () => {
    const codes = [book.class.joinCode, "QRSTUVWX"];
    const created = await createClass({
      viewer: teacher.viewer,
      name: "Retry",
      nextCode: () => codes.shift() ?? "ZZZZZZZZ",
    });
    expect(created.joinCode).toBe("QRSTUVWX");
  });
});

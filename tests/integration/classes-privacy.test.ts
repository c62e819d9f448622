// The join page promises students that their teacher sees "your work on the class's
// assignments". Work on anything else — exercises done before joining, or beside the class —
// stays out of every teacher view: the member page, attempts, exercise analytics, the gradebook
// (page and CSV) and regrades.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCsv } from "@/app/teach/classes/[classId]/gradebook.csv/route";
import { getExerciseAnalytics } from "@/lib/analytics/get-exercise-analytics";
import { listStudentAttempts } from "@/lib/analytics/list-student-attempts";
import { listStudentExercises } from "@/lib/analytics/list-student-exercises";
import { getGradebook } from "@/lib/classes/get-gradebook";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { startRegrade } from "@/lib/regrade/start-regrade";
import { createSubmission } from "@/lib/submissions/create-submission";
import { callRoute, createPerson, type Person } from "./support/classes-fixtures.ts";
import { createExercise, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

let teacher: Person, alice: Person;
let classId: string;
let assigned: { id: string; trackSlug: string }, unassigned: { id: string; trackSlug: string };

beforeAll(async () => {
  [teacher, alice] = await Promise.all([createPerson("teacher"), createPerson("student", "Alice")]);
  [assigned, unassigned] = await Promise.all([createExercise(), createExercise()]);
  // Before joining, Alice works on both exercises.
  await createSubmission({ userId: alice.id, trackSlug: unassigned.trackSlug, code: "PRIVATE ATTEMPT\n" });
  await createSubmission({ userId: alice.id, trackSlug: assigned.trackSlug, code: "class work\n" });
  classId = (
    await db.class.create({
      data: { name: "Privacy", ownerId: teacher.id, joinCode: randomUUID().slice(0, 8).toUpperCase() },
    })
  ).id;
  await db.assignment.create({ data: { classId, kind: "exercise", exerciseId: assigned.id } });
  await db.classMember.create({ data: { classId, userId: alice.id } });
});

describe("a teacher's views of a member", () => {
  it("list only the class's assigned exercises", async () => {
    const overview = await listStudentExercises({ viewer: teacher.viewer, classId, userId: alice.id });
    expect(overview?.exercises.map((e) => e.trackSlug)).toEqual([assigned.trackSlug]);
    expect(
      await listStudentAttempts({
        viewer: teacher.viewer,
        classId,
        userId: alice.id,
        trackSlug: unassigned.trackSlug,
      }),
    ).toBeNull();
    expect(
      (
        await listStudentAttempts({
          viewer: teacher.viewer,
          classId,
          userId: alice.id,
          trackSlug: assigned.trackSlug,
        })
      )?.attempts,
    ).toHaveLength(1);
  });

  it("give no analytics, gradebook column or regrade for an unassigned exercise", async () => {
    expect(await getExerciseAnalytics({ viewer: teacher.viewer, classId, trackSlug: unassigned.trackSlug })).toBeNull();
    const gradebook = await getGradebook({ viewer: teacher.viewer, classId });
    expect(gradebook.assignments.map((a) => a.workRef)).toEqual([assigned.id]);
    const csv = await callRoute(getCsv, {
      method: "GET",
      path: `/teach/classes/${classId}/gradebook.csv`,
      as: teacher,
      params: { classId },
    });
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(unassigned.trackSlug);
    const refused = await startRegrade({ viewer: teacher.viewer, classId, trackSlug: unassigned.trackSlug }).catch(
      (e: unknown) => e,
    );
    expect(refused instanceof AppError && refused.code).toBe("not_found");
    expect(await db.regrade.count({ where: { classId } })).toBe(0);
  });

  it("show the work once the exercise is assigned: it is then the class's assignment", async () => {
    const assignment = await db.assignment.create({
      data: { classId, kind: "exercise", exerciseId: unassigned.id, position: 1 },
    });
    try {
      const work = await listStudentAttempts({
        viewer: teacher.viewer,
        classId,
        userId: alice.id,
        trackSlug: unassigned.trackSlug,
      });
      expect(work?.attempts.map((a) => a.code)).toEqual(["PRIVATE ATTEMPT\n"]);
    } finally {
      await db.assignment.delete({ where: { id: assignment.id } });
    }
  });
});

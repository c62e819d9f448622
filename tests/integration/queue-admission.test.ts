// Admission to the grading queue: a ceiling on submissions waiting for a verdict in all (503) and
// per user (429), both with Retry-After, both holding under concurrent submissions, neither
// counting finished runs or a teacher's regrade runs. The database is shared with other test
// files, so global ceilings are set relative to what is already waiting.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as postSubmission } from "@/app/api/submissions/route";
import { db, disconnectDb } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { createSubmission } from "@/lib/submissions/create-submission";
import { AuthSession, useTestAuthSecret } from "./support/auth-session.ts";
import { createExercise, createUser, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
afterAll(() => disconnectDb());

const noRate = { rateLimit: { max: 0, windowSeconds: 60 }, guestSubmissionsPerIpPerMinute: 0 };
const waiting = () => db.gradingRun.count({ where: { state: { in: ["queued", "running"] }, regradeId: null } });
const submit = (userId: string, slug: string, admission: { maxQueued: number; maxInFlightPerUser: number }) =>
  createSubmission({ userId, trackSlug: slug, code: `// ${randomUUID()}\n`, admission, ...noRate });
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as AppError).code)).sort();

describe("per-user submissions in flight", () => {
  it("refuses a user's submission while `max` of theirs wait for a verdict, and admits again once one is done", async () => {
    const [userId, other, exercise] = await Promise.all([createUser(), createUser(), createExercise()]);
    const admission = { maxQueued: 0, maxInFlightPerUser: 2 };
    const first = await submit(userId, exercise.trackSlug, admission);
    await submit(userId, exercise.trackSlug, admission);
    const error = await submit(userId, exercise.trackSlug, admission).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 10 });
    expect((error as AppError).message).toBe(
      "You already have 2 submissions waiting to be graded. Submit again once one of them has its verdict. Your code stays in the editor.",
    );
    expect(await db.submission.count({ where: { userId } })).toBe(2);
    await expect(submit(other, exercise.trackSlug, admission)).resolves.toBeTruthy();

    await db.gradingRun.update({ where: { id: first.gradingRunId }, data: { state: "done", finishedAt: new Date() } });
    await expect(submit(userId, exercise.trackSlug, admission)).resolves.toBeTruthy();
  });

  it("lets exactly `max` of one user's simultaneous submissions in", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => submit(userId, exercise.trackSlug, { maxQueued: 0, maxInFlightPerUser: 2 })),
    );
    expect(codes(results)).toEqual(["ok", "ok", "rate_limited", "rate_limited", "rate_limited", "rate_limited"]);
  });
});

describe("global queue ceiling", () => {
  it("answers unavailable (503) with Retry-After once `max` submissions wait, and not for regrade runs", async () => {
    const exercise = await createExercise();
    const users = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    const admission = { maxQueued: (await waiting()) + 3, maxInFlightPerUser: 0 };
    // A teacher's regrade of many submissions does not count: it drains behind fresh work.
    const teacher = await createUser("teacher");
    const regrade = await db.regrade.create({ data: { exerciseId: exercise.id, requestedById: teacher, total: 5 } });
    const old = await submit(teacher, exercise.trackSlug, { maxQueued: 0, maxInFlightPerUser: 0 });
    await db.gradingRun.update({ where: { id: old.gradingRunId }, data: { state: "done" } });
    await db.gradingRun.createMany({
      data: Array.from({ length: 5 }, () => ({ submissionId: old.submissionId, regradeId: regrade.id })),
    });

    for (const userId of users.slice(0, 3)) await submit(userId, exercise.trackSlug, admission);
    const error = await submit(users[3] ?? "", exercise.trackSlug, admission).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unavailable", status: 503, retryAfterSeconds: 30 });
    expect((error as AppError).message).toMatch(
      /^The grader is busy: \d+ submissions are waiting for a verdict\. Try again in 30 seconds\./,
    );
    expect(await db.submission.count({ where: { userId: users[3] } })).toBe(0);
  });

  it("admits exactly up to the ceiling when many users submit at once", async () => {
    const exercise = await createExercise();
    const users = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const admission = { maxQueued: (await waiting()) + 4, maxInFlightPerUser: 0 };
    const results = await Promise.allSettled(users.map((userId) => submit(userId, exercise.trackSlug, admission)));
    expect(codes(results)).toEqual([...Array(4).fill("ok"), ...Array(6).fill("unavailable")]);
    expect(await waiting()).toBe(admission.maxQueued);
  });

  it("answers 503 and 429 from POST /api/submissions with Retry-After and the message the page shows", async () => {
    const exercise = await createExercise();
    // Read lazily by the route: set before its first submission in this file.
    process.env.GRADING_IN_FLIGHT_PER_USER = "1";
    process.env.GRADING_QUEUE_MAX = String((await waiting()) + 2);
    const body = (code: string) => ({ method: "POST", body: { exerciseId: exercise.trackSlug, code } });
    const alice = new AuthSession();
    await alice.auth("sign-in/anonymous", {});
    expect((await alice.routeWithHeaders(postSubmission, "/api/submissions", body("1\n"))).status).toBe(202);
    const again = await alice.routeWithHeaders(postSubmission, "/api/submissions", body("2\n"));
    expect([again.status, again.headers.get("retry-after")]).toEqual([429, "10"]);
    expect(again.json).toEqual({
      error: {
        code: "rate_limited",
        message: expect.stringMatching(/^You already have 1 submission waiting to be graded/),
      },
    });

    const bob = new AuthSession();
    await bob.auth("sign-in/anonymous", {});
    expect((await bob.routeWithHeaders(postSubmission, "/api/submissions", body("3\n"))).status).toBe(202);
    const carol = new AuthSession();
    await carol.auth("sign-in/anonymous", {});
    const busy = await carol.routeWithHeaders(postSubmission, "/api/submissions", body("4\n"));
    expect([busy.status, busy.headers.get("retry-after")]).toEqual([503, "30"]);
    expect(busy.json).toEqual({
      error: { code: "unavailable", message: expect.stringMatching(/^The grader is busy/) },
    });
  });
});

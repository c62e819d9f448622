// The per-user submission limit, counted from the submissions table: refused submissions store
// nothing, racing requests cannot slip past it, and POST /api/submissions answers 429.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as postSubmission } from "@/app/api/submissions/route";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSubmission } from "@/lib/submissions/create-submission";
import { AuthSession, useTestAuthSecret } from "./support/auth-session.ts";
import { createExercise, createUser, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
// The route reads the configured limit; read lazily, so setting it here (before any use) counts.
process.env.SUBMISSION_RATE_LIMIT_MAX = "2";
process.env.SUBMISSION_RATE_LIMIT_WINDOW_SECONDS = "60";
afterAll(() => disconnectDb());

const limit = { max: 3, windowSeconds: 60 };

async function jobCount(userId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs j
    JOIN grading_runs r ON r.id::text = j.payload->>'gradingRunId' JOIN submissions s ON s.id = r.submission_id
    WHERE s.user_id = ${userId}`;
  return Number(rows[0]?.n ?? 0);
}

describe("submission rate limit", () => {
  it("refuses the submission over the limit with when to retry, storing nothing", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    for (let i = 0; i < 3; i++) await createSubmission({ userId, exerciseSlug: exercise.slug, code: `${i}\n`, rateLimit: limit });
    const error = await createSubmission({ userId, exerciseSlug: exercise.slug, code: "x\n", rateLimit: limit }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("rate_limited");
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).message).toMatch(/You have submitted 3 times in the last 60 seconds\. Try again in (60|59|58) seconds/);
    expect(await db.submission.count({ where: { userId } })).toBe(3);
    expect(await db.gradingRun.count({ where: { submission: { userId } } })).toBe(3);
    expect(await jobCount(userId)).toBe(3);
  });

  it("counts per user and frees a slot once the oldest submission leaves the window", async () => {
    const [userId, other, exercise] = await Promise.all([createUser(), createUser(), createExercise()]);
    for (let i = 0; i < 3; i++) await createSubmission({ userId, exerciseSlug: exercise.slug, code: `${i}\n`, rateLimit: limit });
    await expect(createSubmission({ userId: other, exerciseSlug: exercise.slug, code: "o\n", rateLimit: limit })).resolves.toBeTruthy();

    const oldest = await db.submission.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "asc" } });
    await db.submission.update({ where: { id: oldest.id }, data: { createdAt: new Date(Date.now() - 61_000) } });
    await expect(createSubmission({ userId, exerciseSlug: exercise.slug, code: "again\n", rateLimit: limit })).resolves.toBeTruthy();
    await expect(createSubmission({ userId, exerciseSlug: exercise.slug, code: "more\n", rateLimit: limit })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("lets exactly `max` of many simultaneous submissions through", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => createSubmission({ userId, exerciseSlug: exercise.slug, code: `${i}\n`, rateLimit: limit })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r.reason as AppError).code)).toEqual(Array(5).fill("rate_limited"));
    expect(await db.submission.count({ where: { userId } })).toBe(3);
  });

  it("is off when the limit is 0", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    for (let i = 0; i < 5; i++) await createSubmission({ userId, exerciseSlug: exercise.slug, code: `${i}\n`, rateLimit: { max: 0, windowSeconds: 60 } });
    expect(await db.submission.count({ where: { userId } })).toBe(5);
  });

  it("answers 429 rate_limited from POST /api/submissions with the configured limit", async () => {
    const exercise = await createExercise();
    const browser = new AuthSession();
    await browser.auth("sign-in/anonymous", {});
    const submit = () => browser.route(postSubmission, "/api/submissions", { method: "POST", body: { exerciseId: exercise.slug, code: `// ${randomUUID()}\n` } });
    expect((await submit()).status).toBe(202);
    expect((await submit()).status).toBe(202);
    const refused = await submit();
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/^You have submitted 2 times in the last 60 seconds\. Try again in \d+ seconds/) } });
  });
});

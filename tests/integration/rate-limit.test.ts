// The per-user submission limit and the per-IP limit on guests' submissions, counted from the
// submissions table: refused submissions store nothing, racing requests cannot slip past, accounts
// are never counted per IP, and POST /api/submissions answers 429 with Retry-After.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as postSubmission } from "@/app/api/submissions/route";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSubmission } from "@/lib/submissions/create-submission";
import { AuthSession, testClientIp, useTestAuthSecret } from "./support/auth-session.ts";
import { createExercise, createGuest, createUser, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
// The route reads the configured limit; read lazily, so setting it here (before any use) counts.
process.env.SUBMISSION_RATE_LIMIT_MAX = "2";
process.env.SUBMISSION_RATE_LIMIT_WINDOW_SECONDS = "60";
process.env.GUEST_SUBMISSIONS_PER_IP_PER_MINUTE = "3";
process.env.GRADING_QUEUE_MAX = "0";
process.env.GRADING_IN_FLIGHT_PER_USER = "0";
afterAll(() => disconnectDb());

const limit = { max: 3, windowSeconds: 60 };
// Limits a test does not exercise are off, so each test sees only its own.
const only = { admission: { maxQueued: 0, maxInFlightPerUser: 0 }, guestSubmissionsPerIpPerMinute: 0 };

async function jobCount(userId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs j
    JOIN grading_runs r ON r.id::text = j.payload->>'gradingRunId' JOIN submissions s ON s.id = r.submission_id
    WHERE s.user_id = ${userId}`;
  return Number(rows[0]?.n ?? 0);
}

describe("submission rate limit", () => {
  it("refuses the submission over the limit with when to retry, storing nothing", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    for (let i = 0; i < 3; i++)
      await createSubmission({ userId, trackSlug: exercise.trackSlug, code: `${i}\n`, rateLimit: limit, ...only });
    const error = await createSubmission({
      userId,
      trackSlug: exercise.trackSlug,
      code: "x\n",
      rateLimit: limit,
      ...only,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("rate_limited");
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).message).toMatch(
      /You have submitted 3 times in the last 60 seconds\. Try again in (60|59|58) seconds/,
    );
    expect(await db.submission.count({ where: { userId } })).toBe(3);
    expect(await db.gradingRun.count({ where: { submission: { userId } } })).toBe(3);
    expect(await jobCount(userId)).toBe(3);
  });

  it("counts per user and frees a slot once the oldest submission leaves the window", async () => {
    const [userId, other, exercise] = await Promise.all([createUser(), createUser(), createExercise()]);
    for (let i = 0; i < 3; i++)
      await createSubmission({ userId, trackSlug: exercise.trackSlug, code: `${i}\n`, rateLimit: limit, ...only });
    await expect(
      createSubmission({ userId: other, trackSlug: exercise.trackSlug, code: "o\n", rateLimit: limit, ...only }),
    ).resolves.toBeTruthy();

    const oldest = await db.submission.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "asc" } });
    await db.submission.update({ where: { id: oldest.id }, data: { createdAt: new Date(Date.now() - 61_000) } });
    await expect(
      createSubmission({ userId, trackSlug: exercise.trackSlug, code: "again\n", rateLimit: limit, ...only }),
    ).resolves.toBeTruthy();
    await expect(
      createSubmission({ userId, trackSlug: exercise.trackSlug, code: "more\n", rateLimit: limit, ...only }),
    ).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("lets exactly `max` of many simultaneous submissions through", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        createSubmission({ userId, trackSlug: exercise.trackSlug, code: `${i}\n`, rateLimit: limit, ...only }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r.reason as AppError).code)).toEqual(
      Array(5).fill("rate_limited"),
    );
    expect(await db.submission.count({ where: { userId } })).toBe(3);
  });

  it("is off when the limit is 0", async () => {
    const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
    for (let i = 0; i < 5; i++)
      await createSubmission({
        userId,
        trackSlug: exercise.trackSlug,
        code: `${i}\n`,
        rateLimit: { max: 0, windowSeconds: 60 },
        ...only,
      });
    expect(await db.submission.count({ where: { userId } })).toBe(5);
  });

  it("answers 429 rate_limited from POST /api/submissions with the configured limit", async () => {
    const exercise = await createExercise();
    const browser = new AuthSession();
    await browser.auth("sign-in/anonymous", {});
    const submit = () =>
      browser.routeWithHeaders(postSubmission, "/api/submissions", {
        method: "POST",
        body: { exerciseId: exercise.trackSlug, code: `// ${randomUUID()}\n` },
      });
    expect((await submit()).status).toBe(202);
    expect((await submit()).status).toBe(202);
    const refused = await submit();
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({
      error: {
        code: "rate_limited",
        message: expect.stringMatching(/^You have submitted 2 times in the last 60 seconds\. Try again in \d+ seconds/),
      },
    });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(58);
  });
});

describe("guests' submissions per client IP", () => {
  const off = { max: 0, windowSeconds: 60 };
  const submitAs = (userId: string, slug: string, clientIp: string | null, max = 3) =>
    createSubmission({
      userId,
      trackSlug: slug,
      code: `// ${randomUUID()}\n`,
      clientIp,
      rateLimit: off,
      admission: only.admission,
      guestSubmissionsPerIpPerMinute: max,
    });

  it("counts every guest on one address together, and each address apart", async () => {
    const [a, b, c, exercise] = await Promise.all([createGuest(), createGuest(), createGuest(), createExercise()]);
    const ip = testClientIp();
    await submitAs(a, exercise.trackSlug, ip);
    await submitAs(b, exercise.trackSlug, ip);
    await submitAs(a, exercise.trackSlug, ip);
    const error = await submitAs(c, exercise.trackSlug, ip).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "rate_limited", status: 429 });
    expect((error as AppError).message).toMatch(
      /^Guests on your network have submitted 3 times in the last minute\. Try again in (60|59|58) seconds, or sign in/,
    );
    expect((error as AppError).retryAfterSeconds).toBeGreaterThanOrEqual(58);
    expect(await db.submission.count({ where: { userId: c } })).toBe(0);
    await expect(submitAs(c, exercise.trackSlug, testClientIp())).resolves.toBeTruthy();
  });

  it("counts an IPv6 client by its /64, and a guest without a known address in one shared bucket", async () => {
    const [guest, exercise] = await Promise.all([createGuest(), createExercise()]);
    const prefix = `2001:db8:${(0x1000 + Math.floor(Math.random() * 0xe000)).toString(16)}:1`;
    for (const host of ["::1", "::2", ":aaaa::3"]) await submitAs(guest, exercise.trackSlug, `${prefix}${host}`);
    await expect(submitAs(guest, exercise.trackSlug, `${prefix}:ffff::9`)).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect(await db.submission.findFirst({ where: { userId: guest }, select: { guestIpKey: true } })).toEqual({
      guestIpKey: `${prefix}::/64`,
    });

    const before = await db.submission.count({
      where: { guestIpKey: "unknown", createdAt: { gt: new Date(Date.now() - 55_000) } },
    });
    const [x, y] = await Promise.all([createGuest(), createGuest()]);
    await submitAs(x, exercise.trackSlug, null, before + 1);
    await expect(submitAs(y, exercise.trackSlug, null, before + 1)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("never counts accounts per IP: a class of signed-in students behind one NAT all submit", async () => {
    const exercise = await createExercise();
    const nat = testClientIp();
    const students = await Promise.all(Array.from({ length: 20 }, () => createUser()));
    const results = await Promise.allSettled(students.map((id) => submitAs(id, exercise.trackSlug, nat, 1)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect(await db.submission.count({ where: { userId: { in: students }, guestIpKey: { not: null } } })).toBe(0);
  });

  it("lets exactly `max` of many simultaneous guests on one address through", async () => {
    const exercise = await createExercise();
    const ip = testClientIp();
    const guests = await Promise.all(Array.from({ length: 8 }, () => createGuest()));
    const results = await Promise.allSettled(guests.map((id) => submitAs(id, exercise.trackSlug, ip)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r.reason as AppError).code)).toEqual(
      Array(5).fill("rate_limited"),
    );
  });

  it("answers 429 with Retry-After from POST /api/submissions, counting the address our web server resolved", async () => {
    const exercise = await createExercise();
    const ip = testClientIp();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<AuthSession["routeWithHeaders"]>> | undefined;
    for (let i = 0; i < 4; i++) {
      // A new guest each time, all on one address (the limit from GUEST_SUBMISSIONS_PER_IP_PER_MINUTE=3).
      const browser = new AuthSession(ip);
      await browser.auth("sign-in/anonymous", {});
      last = await browser.routeWithHeaders(postSubmission, "/api/submissions", {
        method: "POST",
        body: { exerciseId: exercise.trackSlug, code: `// ${i}\n` },
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(last?.json).toEqual({
      error: { code: "rate_limited", message: expect.stringMatching(/^Guests on your network have submitted 3 times/) },
    });
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThanOrEqual(58);
  });
});

// A guest who signs up or signs in keeps everything: the anonymous plugin's onLinkAccount hook
// moves drafts, submissions, quiz attempts (and their item results) and class memberships to the
// account in one transaction, before better-auth deletes the guest user.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { saveDraft } from "@/lib/drafts/save-draft";
import { createSubmission } from "@/lib/submissions/create-submission";
import { AuthSession, sessionUser, useTestAuthSecret } from "./support/auth-session.ts";
import { createExercise, createUser, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
useTestAuthSecret();
afterAll(() => disconnectDb());

const PASSWORD = "correct horse battery";

async function signInAsGuest(): Promise<{ browser: AuthSession; guestId: string }> {
  const browser = new AuthSession();
  expect((await browser.auth("sign-in/anonymous", {})).status).toBe(200);
  const guest = await sessionUser(browser);
  if (!guest?.isAnonymous) throw new Error("expected an anonymous session");
  return { browser, guestId: guest.id };
}

async function createClass(): Promise<string> {
  const ownerId = await createUser("teacher");
  const created = await db.class.create({
    data: { name: "Concurrency 101", ownerId, joinCode: randomUUID().slice(0, 8) },
  });
  return created.id;
}

/** A submitted quiz attempt with two item results, as lib/quizzes stores them. */
async function createQuizAttempt(userId: string): Promise<string> {
  const attempt = await db.quizAttempt.create({
    data: {
      userId,
      quizId: "fixture-quiz",
      seed: "s",
      items: [{ itemId: "a", variantId: "v", seed: "1" }],
      maxScore: 2,
      score: 1,
      submittedAt: new Date(),
      results: {
        create: [
          { userId, position: 0, itemId: "a", variantId: "v", concepts: ["races"], score: 1, correct: true },
          { userId, position: 1, itemId: "b", variantId: "v", concepts: ["atomics"], score: 0, correct: false },
        ],
      },
    },
  });
  return attempt.id;
}

async function ownedBy(userId: string) {
  const [drafts, submissions, attempts, results, memberships] = await Promise.all([
    db.draft.findMany({ where: { userId }, select: { exerciseId: true, code: true, updatedAt: true } }),
    db.submission.findMany({ where: { userId }, select: { id: true } }),
    db.quizAttempt.findMany({ where: { userId }, select: { id: true } }),
    db.quizItemResult.count({ where: { userId } }),
    db.classMember.findMany({ where: { userId }, select: { classId: true } }),
  ]);
  return { drafts, submissions, attempts, results, memberships };
}

describe("linking a guest's work on sign-up", () => {
  it("moves every row to the new account and removes the guest", async () => {
    const [first, second] = await Promise.all([createExercise(), createExercise()]);
    const classId = await createClass();
    const { browser, guestId } = await signInAsGuest();

    await saveDraft({ userId: guestId, trackSlug: first.trackSlug, code: "export const guest = 1;\n" });
    const draftBefore = await db.draft.findFirstOrThrow({ where: { userId: guestId } });
    const submissions = [
      await createSubmission({ userId: guestId, trackSlug: first.trackSlug, code: "a\n" }),
      await createSubmission({ userId: guestId, trackSlug: second.trackSlug, code: "b\n" }),
    ];
    const attemptId = await createQuizAttempt(guestId);
    await db.classMember.create({ data: { classId, userId: guestId } });

    const signUp = await browser.auth("sign-up/email", {
      name: "Ada",
      email: `ada-${randomUUID().slice(0, 8)}@example.test`,
      password: PASSWORD,
    });
    expect(signUp.status).toBe(200);
    const account = await sessionUser(browser);
    if (!account) throw new Error("expected a session after sign-up");
    expect(account.id).not.toBe(guestId);
    expect(account.isAnonymous).toBe(false);

    const moved = await ownedBy(account.id);
    expect(moved.drafts).toEqual([
      { exerciseId: first.id, code: "export const guest = 1;\n", updatedAt: draftBefore.updatedAt },
    ]);
    expect(moved.submissions.map((s) => s.id).sort()).toEqual(submissions.map((s) => s.submissionId).sort());
    expect(moved.attempts).toEqual([{ id: attemptId }]);
    expect(moved.results).toBe(2);
    expect(moved.memberships).toEqual([{ classId }]);
    // The grading runs hang off the submissions, so they came along untouched.
    expect(await db.gradingRun.count({ where: { id: { in: submissions.map((s) => s.gradingRunId) } } })).toBe(2);

    expect(await db.user.findUnique({ where: { id: guestId } })).toBeNull();
    expect(await ownedBy(guestId)).toEqual({ drafts: [], submissions: [], attempts: [], results: 0, memberships: [] });
  });
});

describe("linking a guest's work on sign-in to an existing account", () => {
  it("keeps the newer draft of each exercise and merges class memberships", async () => {
    const [a, b, c] = await Promise.all([createExercise(), createExercise(), createExercise()]);
    const [sharedClass, guestClass] = await Promise.all([createClass(), createClass()]);
    const address = `grace-${randomUUID().slice(0, 8)}@example.test`;
    const owner = new AuthSession();
    await owner.auth("sign-up/email", { name: "Grace", email: address, password: PASSWORD });
    const accountId = (await sessionUser(owner))?.id ?? "";
    await owner.auth("sign-out", {});

    const hour = 60 * 60 * 1000;
    const now = Date.now();
    const draft = (userId: string, exerciseId: string, code: string, at: number) =>
      db.draft.create({ data: { userId, exerciseId, code, updatedAt: new Date(at) } });
    const { browser, guestId } = await signInAsGuest();
    // a: the guest's draft is newer; b: the account's is newer; c: only the guest has one.
    await draft(accountId, a.id, "account a (old)", now - 2 * hour);
    await draft(guestId, a.id, "guest a (new)", now - hour);
    await draft(accountId, b.id, "account b (new)", now - hour);
    await draft(guestId, b.id, "guest b (old)", now - 2 * hour);
    await draft(guestId, c.id, "guest c", now - 3 * hour);
    await db.classMember.createMany({
      data: [
        { classId: sharedClass, userId: accountId },
        { classId: sharedClass, userId: guestId },
        { classId: guestClass, userId: guestId },
      ],
    });
    await createSubmission({ userId: accountId, trackSlug: a.trackSlug, code: "mine\n" });
    await createSubmission({ userId: guestId, trackSlug: a.trackSlug, code: "guest\n" });

    expect((await browser.auth("sign-in/email", { email: address, password: PASSWORD })).status).toBe(200);
    expect((await sessionUser(browser))?.id).toBe(accountId);

    const moved = await ownedBy(accountId);
    const codeFor = (exerciseId: string) => moved.drafts.filter((d) => d.exerciseId === exerciseId).map((d) => d.code);
    expect(codeFor(a.id)).toEqual(["guest a (new)"]);
    expect(codeFor(b.id)).toEqual(["account b (new)"]);
    expect(codeFor(c.id)).toEqual(["guest c"]);
    expect(moved.submissions).toHaveLength(2);
    expect(moved.memberships.map((m) => m.classId).sort()).toEqual([sharedClass, guestClass].sort());
    expect(await db.user.findUnique({ where: { id: guestId } })).toBeNull();
  });

  it("leaves everything with the guest when the password is wrong", async () => {
    const exercise = await createExercise();
    const address = `linus-${randomUUID().slice(0, 8)}@example.test`;
    await new AuthSession().auth("sign-up/email", { name: "Linus", email: address, password: PASSWORD });
    const { browser, guestId } = await signInAsGuest();
    await saveDraft({ userId: guestId, trackSlug: exercise.trackSlug, code: "still mine\n" });

    expect((await browser.auth("sign-in/email", { email: address, password: "not the password" })).status).toBe(401);
    expect((await sessionUser(browser))?.id).toBe(guestId);
    expect((await ownedBy(guestId)).drafts.map((d) => d.code)).toEqual(["still mine\n"]);
  });
});

describe("a move that fails", () => {
  it("moves nothing and keeps the guest, so signing in again can retry", async () => {
    const exercise = await createExercise();
    const { browser, guestId } = await signInAsGuest();
    await saveDraft({ userId: guestId, trackSlug: exercise.trackSlug, code: "kept\n" });
    await createSubmission({ userId: guestId, trackSlug: exercise.trackSlug, code: "kept\n" });
    await createQuizAttempt(guestId);
    // Break the last step of the move (item results), for this guest only.
    await db.$executeRawUnsafe(`CREATE FUNCTION accounts_test_fail_link() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF OLD.user_id = '${guestId}' THEN RAISE EXCEPTION 'link is broken'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER fail_link BEFORE UPDATE ON quiz_item_results FOR EACH ROW EXECUTE FUNCTION accounts_test_fail_link()`,
    );
    try {
      const response = await browser.auth("sign-up/email", {
        name: "Ken",
        email: `ken-${randomUUID().slice(0, 8)}@example.test`,
        password: PASSWORD,
      });
      expect(response.status).toBeGreaterThanOrEqual(500);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_link ON quiz_item_results`);
      await db.$executeRawUnsafe(`DROP FUNCTION accounts_test_fail_link()`);
    }
    const kept = await ownedBy(guestId);
    expect(kept.drafts.map((d) => d.code)).toEqual(["kept\n"]);
    expect(kept.submissions).toHaveLength(1);
    expect(kept.attempts).toHaveLength(1);
    expect(kept.results).toBe(2);
    expect(await db.user.findUnique({ where: { id: guestId } })).not.toBeNull();
  });
});

// Quiz attempts against real Postgres: drawing and storing, the key staying on the server until
// submission, server-side scoring, one submission per attempt, ownership, mastery, retakes.
import { afterAll, describe, expect, it } from "vitest";
import { getQuiz } from "@/exercises/quizzes/catalog";
import { generateItem } from "@/exercises/quizzes/define";
import { ITEM_DEFINITIONS } from "@/exercises/quizzes/items/index";
import { keyAnswer } from "@/exercises/quizzes/score";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getAttempt } from "@/lib/quizzes/get-attempt";
import { getMastery } from "@/lib/quizzes/get-mastery";
import { listAttempts } from "@/lib/quizzes/list-attempts";
import { DrawnItems } from "@/lib/quizzes/schemas";
import { startAttempt } from "@/lib/quizzes/start-attempt";
import { submitAttempt } from "@/lib/quizzes/submit-attempt";
import { createUser, rejection, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

/** The answers the key gives, regenerated the way a test (never the browser) can. */
async function keyAnswers(attemptId: string) {
  const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  return DrawnItems.parse(row.items).map((d) => {
    const definition = ITEM_DEFINITIONS.get(d.itemId);
    if (!definition) throw new Error(`unknown item ${d.itemId}`);
    return keyAnswer(generateItem(definition, d.seed));
  });
}

/** How many items a quiz asks (its file grows as items are added). */
function itemCount(quizId: string): number {
  const quiz = getQuiz(quizId);
  if (!quiz) throw new Error(`no quiz ${quizId}`);
  return quiz.definitions.length;
}

describe("quiz attempts", () => {
  it("stores the draw and shows an open attempt without any key", async () => {
    const userId = await createUser();
    const { attemptId } = await startAttempt({ userId, quizId: "async-rust" });
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row).toMatchObject({
      userId,
      quizId: "async-rust",
      submittedAt: null,
      score: null,
      maxScore: itemCount("async-rust"),
    });

    const view = await getAttempt({ userId, attemptId });
    if (view?.state !== "open") throw new Error("expected an open attempt");
    expect(view.items).toHaveLength(itemCount("async-rust"));
    const json = JSON.stringify(view);
    expect(json).not.toMatch(/"correct"|"explanation"|"misconceptions"|"claim"|"answer"|"seed"|"variantId"/);
    expect(json).not.toContain(row.seed);
  });

  it("scores on the server: the key gets full marks, and results carry every explanation", async () => {
    const userId = await createUser();
    const { attemptId } = await startAttempt({ userId, quizId: "shared-state" });
    const result = await submitAttempt({ userId, attemptId, answers: await keyAnswers(attemptId) });
    const n = itemCount("shared-state");
    expect(result).toMatchObject({ state: "submitted", score: n, maxScore: n });
    expect(result.results.every((r) => r.correct)).toBe(true);
    for (const r of result.results) {
      if (r.item.type === "numeric") expect(r.item.numeric.explanation.length).toBeGreaterThan(10);
      else if (r.item.type === "order" || r.item.type === "dag-order")
        expect(r.item.lines.every((l) => l.explanation.length > 10)).toBe(true);
      else expect(r.item.options.every((o) => o.explanation.length > 10)).toBe(true);
    }
    const stored = await db.quizItemResult.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    expect(stored).toHaveLength(n);
    expect(stored.every((s) => s.correct && s.score === 1 && s.userId === userId)).toBe(true);
    expect(await getAttempt({ userId, attemptId })).toMatchObject({ state: "submitted", score: n });
  });

  it("scores skipped and wrong answers as 0 and names partial credit", async () => {
    const userId = await createUser();
    const { attemptId } = await startAttempt({ userId, quizId: "foundations" });
    const key = await keyAnswers(attemptId);
    const answers = key.map((a, i) => (i === 0 ? a : null));
    const result = await submitAttempt({ userId, attemptId, answers });
    expect(result.score).toBe(1);
    expect(result.results.filter((r) => r.correct)).toHaveLength(1);
    expect(result.results[1]).toMatchObject({ answer: null, score: 0, correct: false });
  });

  it("accepts one submission per attempt, even when two race", async () => {
    const userId = await createUser();
    const { attemptId } = await startAttempt({ userId, quizId: "choosing" });
    const answers = await keyAnswers(attemptId);
    const outcomes = await Promise.allSettled([
      submitAttempt({ userId, attemptId, answers }),
      submitAttempt({ userId, attemptId, answers }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failure = outcomes.find((o) => o.status === "rejected");
    expect(failure?.status === "rejected" && failure.reason instanceof AppError && failure.reason.code).toBe(
      "conflict",
    );
    expect(await db.quizItemResult.count({ where: { attemptId } })).toBe(itemCount("choosing"));
  });

  it("hides other users' attempts and refuses their submissions", async () => {
    const [owner, other] = await Promise.all([createUser(), createUser()]);
    const { attemptId } = await startAttempt({ userId: owner, quizId: "choosing" });
    expect(await getAttempt({ userId: other, attemptId })).toBeNull();
    expect((await rejection(submitAttempt({ userId: other, attemptId, answers: [] }))).code).toBe("not_found");
    expect((await rejection(startAttempt({ userId: owner, quizId: "no-such-quiz" }))).code).toBe("not_found");
  });

  it("draws new questions on a retake and keeps both attempts", async () => {
    const userId = await createUser();
    const first = await startAttempt({ userId, quizId: "async-rust" });
    const second = await startAttempt({ userId, quizId: "async-rust" });
    const [a, b] = await Promise.all(
      [first, second].map((s) => db.quizAttempt.findUniqueOrThrow({ where: { id: s.attemptId } })),
    );
    expect(a?.seed).not.toBe(b?.seed);
    const prompts = async (attemptId: string) => {
      const view = await getAttempt({ userId, attemptId });
      return view?.state === "open" ? JSON.stringify(view.items) : "";
    };
    expect(await prompts(first.attemptId)).not.toBe(await prompts(second.attemptId));
    expect((await listAttempts({ userId })).map((x) => x.id).sort()).toEqual(
      [first.attemptId, second.attemptId].sort(),
    );
  });

  it("builds per-concept mastery from submitted answers", async () => {
    const userId = await createUser();
    const before = await getMastery({ userId });
    expect(before.every((m) => m.level === "not-started")).toBe(true);

    const right = await startAttempt({ userId, quizId: "shared-state" });
    await submitAttempt({ userId, attemptId: right.attemptId, answers: await keyAnswers(right.attemptId) });
    const wrong = await startAttempt({ userId, quizId: "choosing" });
    await submitAttempt({ userId, attemptId: wrong.attemptId, answers: [] });

    const mastery = new Map((await getMastery({ userId })).map((m) => [m.concept, m]));
    expect(mastery.get("channels")).toMatchObject({ level: "solid", recent: 1 });
    expect(mastery.get("rayon")).toMatchObject({ level: "needs-practice", recent: 0 });
    expect(mastery.get("rayon")?.exercises).toContain("rust/rayon-sum");
    expect(mastery.get("blocking-runtime")).toMatchObject({ level: "not-started", answered: 0 });
  });
});

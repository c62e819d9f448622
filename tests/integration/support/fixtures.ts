// Rows the integration tests need, with unique keys so test files can share the run's database.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import type { GradeResult } from "../../../grader/contract.ts";
import { db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";

/** Points lib/env (and so the lazily created lib/db client) at the run's database; call at the top of a test file. */
export function useTestDatabase(): string {
  const url = inject("databaseUrl");
  process.env.DATABASE_URL = url;
  return url;
}

export async function createUser(name = "student"): Promise<string> {
  const id = `user_${randomUUID()}`;
  await db.user.create({ data: { id, name, email: `${id}@example.test` } });
  return id;
}

/** An anonymous user, as better-auth's anonymous sign-in creates them. */
export async function createGuest(): Promise<string> {
  const id = `guest_${randomUUID()}`;
  await db.user.create({ data: { id, name: "Anonymous", email: `temp-${id}@example.test`, isAnonymous: true } });
  return id;
}

export async function createExercise(
  overrides: { trackSlug?: string; archived?: boolean } = {},
): Promise<{ id: string; trackSlug: string }> {
  const id = randomUUID();
  const trackSlug = overrides.trackSlug ?? `ts/fixture-${id.slice(0, 8)}`;
  await db.exercise.create({
    data: {
      id,
      trackSlug,
      track: "ts",
      title: "Fixture",
      summary: "A fixture exercise.",
      difficulty: "intro",
      concepts: ["threads"],
      language: "typescript",
      statement: "# Fixture\n",
      starter: "export function f() {}\n",
      contentHash: "0".repeat(64),
      archived: overrides.archived ?? false,
    },
  });
  return { id, trackSlug };
}

export function passResult(message = "All tests passed."): GradeResult {
  return {
    version: 1,
    status: "pass",
    message,
    score: 1,
    tests: [{ name: "counts", status: "pass", durationMs: 3, clock: "virtual" }],
    diagnostics: [],
    stdout: "",
    stderr: "",
    truncated: false,
  };
}

export function failResult(): GradeResult {
  return { ...passResult(), status: "fail", reason: "lost_updates", message: "Two increments were lost.", score: 0.5 };
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The AppError a promise rejects with (fails the test when it resolves or throws anything else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

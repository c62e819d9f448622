// Exercise rows follow the files: keyed by uuid (a rename keeps history), vanished folders are
// archived, and nothing is synced while the loader reports problems.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { LoadedExercise, loadExercises } from "@/grader/core/load-exercises";
import { db, disconnectDb } from "@/lib/db";
import { saveDraft } from "@/lib/drafts/save-draft";
import { getExercise } from "@/lib/exercises/get-exercise";
import { listExercises } from "@/lib/exercises/list-exercises";
import { ExerciseSyncError, syncExercises } from "@/lib/exercises/sync-exercises";
import { createUser, useTestDatabase } from "./support/fixtures.ts";

useTestDatabase();
afterAll(() => disconnectDb());

// Sync archives every row it was not given: start each test from no exercises at all.
beforeEach(async () => {
  await db.gradingRun.deleteMany({});
  await db.submission.deleteMany({});
  // Other files' classes may have assigned exercises (assignments keep an exercise from deletion).
  await db.assignment.deleteMany({});
  await db.exercise.deleteMany({});
});

function exercise(slug: string, overrides: Partial<LoadedExercise> = {}): LoadedExercise {
  return {
    id: `ts/${slug}`,
    uuid: randomUUID(),
    track: "ts",
    slug,
    title: `Exercise ${slug}`,
    summary: "Summary.",
    difficulty: "core",
    concepts: ["atomics", "threads"],
    language: "typescript",
    position: 1,
    statement: `# ${slug}\n`,
    starter: "export function f() {}\n",
    dir: `/exercises/ts/${slug}`,
    contentHash: "a".repeat(64),
    meta: { hints: [{ level: "symptom", text: `Look at what ${slug} returns first.` }] } as LoadedExercise["meta"],
    ...overrides,
  };
}

const loader =
  (exercises: LoadedExercise[], problems: { file: string; message: string }[] = []): typeof loadExercises =>
  async () => ({ exercises, problems });

describe("syncExercises", () => {
  it("creates rows, then leaves unchanged ones alone and updates changed ones", async () => {
    const a = exercise("alpha", { position: 2 });
    const b = exercise("beta", { position: 1, difficulty: "intro" });
    expect(await syncExercises({ load: loader([a, b]) })).toEqual({ upserted: 2, created: 2, updated: 0, archived: 0 });
    expect((await listExercises()).map((e) => e.id)).toEqual(["ts/beta", "ts/alpha"]);
    expect(await getExercise({ trackSlug: "ts/alpha" })).toEqual({
      id: "ts/alpha",
      uuid: a.uuid,
      title: "Exercise alpha",
      summary: "Summary.",
      difficulty: "core",
      concepts: ["atomics", "threads"],
      track: "ts",
      language: "typescript",
      statement: "# alpha\n",
      starter: "export function f() {}\n",
      hints: [{ level: "symptom", text: "Look at what alpha returns first." }],
    });

    expect(await syncExercises({ load: loader([a, b]) })).toEqual({ upserted: 2, created: 0, updated: 0, archived: 0 });
    const changed = { ...a, title: "Alpha, revised", contentHash: "b".repeat(64) };
    expect(await syncExercises({ load: loader([changed, b]) })).toMatchObject({ created: 0, updated: 1 });
    expect((await getExercise({ trackSlug: "ts/alpha" }))?.title).toBe("Alpha, revised");
  });

  it("keeps history across a folder rename (same uuid) and archives a vanished exercise", async () => {
    const userId = await createUser();
    const counter = exercise("counter");
    const gone = exercise("gone");
    await syncExercises({ load: loader([counter, gone]) });
    await saveDraft({ userId, trackSlug: "ts/counter", code: "draft\n" });

    const renamed = { ...counter, id: "ts/shared-counter", slug: "shared-counter", contentHash: "c".repeat(64) };
    expect(await syncExercises({ load: loader([renamed]) })).toMatchObject({ upserted: 1, updated: 1, archived: 1 });
    expect(
      await db.draft.findFirst({ where: { userId }, select: { exercise: { select: { trackSlug: true } } } }),
    ).toEqual({
      exercise: { trackSlug: "ts/shared-counter" },
    });
    expect(await getExercise({ trackSlug: "ts/gone" })).toBeNull();
    expect(await db.exercise.findUnique({ where: { id: gone.uuid } })).toMatchObject({
      archived: true,
      trackSlug: "ts/gone",
    });
    expect((await listExercises()).map((e) => e.id)).toEqual(["ts/shared-counter"]);

    // The folder comes back: the same row is current again.
    expect(await syncExercises({ load: loader([renamed, gone]) })).toMatchObject({ updated: 1, archived: 0 });
    expect(await getExercise({ trackSlug: "ts/gone" })).not.toBeNull();
  });

  it("handles two exercises swapping public ids, and a new exercise taking an archived one's id", async () => {
    const a = exercise("a");
    const b = exercise("b");
    await syncExercises({ load: loader([a, b]) });
    await syncExercises({
      load: loader([
        { ...a, id: "ts/b", slug: "b" },
        { ...b, id: "ts/a", slug: "a" },
      ]),
    });
    expect((await getExercise({ trackSlug: "ts/a" }))?.uuid).toBe(b.uuid);
    expect((await getExercise({ trackSlug: "ts/b" }))?.uuid).toBe(a.uuid);

    const newcomer = exercise("a");
    await syncExercises({ load: loader([newcomer, { ...a, id: "ts/b", slug: "b" }]) });
    expect((await getExercise({ trackSlug: "ts/a" }))?.uuid).toBe(newcomer.uuid);
    expect(await db.exercise.findUnique({ where: { id: b.uuid } })).toMatchObject({
      archived: true,
      trackSlug: `ts/a~${b.uuid.slice(0, 8)}`,
    });
  });

  it("refuses to sync anything while the loader reports problems, and lists them", async () => {
    const problems = [
      { file: "exercises/ts/broken/exercise.json", message: "difficulty: expected intro, core or stretch" },
      { file: "exercises/ts/other/statement.md", message: "missing" },
    ];
    const error = await syncExercises({ load: loader([exercise("fine")], problems) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExerciseSyncError);
    expect(error).toMatchObject({ problems });
    expect(String(error)).toMatch(
      /2 problem\(s\)[\s\S]*broken\/exercise.json: difficulty[\s\S]*other\/statement.md: missing/,
    );
    expect(await db.exercise.count()).toBe(0);
  });

  it("syncs the repository's own exercise files through the real loader", async () => {
    const { loadExercises: realLoad } = await import("@/grader/core/load-exercises");
    const { exercises, problems } = await realLoad();
    expect(problems).toEqual([]);
    expect(await syncExercises({})).toMatchObject({ upserted: exercises.length, created: exercises.length });
    expect((await listExercises()).map((e) => e.id).sort()).toEqual(exercises.map((e) => e.id).sort());
    // A learning path: inside each track, no exercise is listed after one of a higher level.
    const levels = ["intro", "core", "stretch"];
    const listed = await listExercises();
    for (const [i, e] of listed.entries()) {
      const before = listed[i - 1];
      if (before?.track === e.track)
        expect(levels.indexOf(e.difficulty), `${before.id} before ${e.id}`).toBeGreaterThanOrEqual(
          levels.indexOf(before.difficulty),
        );
    }
    // Every exercise's hints reach the page, in their order (the exercise page reveals them).
    for (const loaded of exercises) {
      expect((await getExercise({ trackSlug: loaded.id }))?.hints, loaded.id).toEqual(loaded.meta.hints);
    }
  });
});

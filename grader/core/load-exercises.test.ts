import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadExercises } from "./load-exercises.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "exercises-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function meta(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `ts/${slug}`,
    uuid: "6f1d2c1e-8a7b-4c3d-9e2f-1a2b3c4d5e6f",
    title: "A fixture",
    summary: "A fixture exercise for loader tests.",
    difficulty: "intro",
    concepts: ["threads"],
    language: "typescript",
    position: 1,
    limits: { cpuMs: 1000, wallMs: 1000, memoryMb: 32, maxWorkers: 4 },
    expectations: {
      starter: { status: "fail", reason: "wrong_result" },
      bad: { "racy.ts": { status: "fail", reason: "lost_updates" } },
    },
    ...overrides,
  };
}

async function writeExercise(slug: string, files: Record<string, string | null>) {
  const defaults: Record<string, string> = {
    "exercise.json": JSON.stringify(meta(slug)),
    "statement.md": "# Fixture\n",
    "starter.ts": "export function f() {}\n",
    "tests.ts": "export default {};\n",
    "solutions/good/ok.ts": "export function f() { return 1; }\n",
    "solutions/bad/racy.ts": "export function f() { return 0; }\n",
  };
  for (const [file, text] of Object.entries({ ...defaults, ...files })) {
    if (text === null) continue;
    const full = path.join(root, "ts", slug, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
  }
}

const messages = (problems: { file: string; message: string }[]) =>
  problems.map((p) => `${path.relative(root, p.file)}: ${p.message}`);

describe("loadExercises", () => {
  it("loads a valid exercise with its statement, starter and a content hash", async () => {
    await writeExercise("counter", {});
    await mkdir(path.join(root, "ts", "_harness"));
    const { exercises, problems } = await loadExercises({ root });
    expect(problems).toEqual([]);
    expect(exercises.map((e) => [e.id, e.track, e.slug, e.language])).toEqual([
      ["ts/counter", "ts", "counter", "typescript"],
    ]);
    expect(exercises[0]?.statement).toBe("# Fixture\n");
    expect(exercises[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const before = exercises[0]?.contentHash;
    await writeFile(path.join(root, "ts", "counter", "solutions", "good", "ok.ts"), "// changed\n");
    expect((await loadExercises({ root })).exercises[0]?.contentHash).not.toBe(before);
  });

  it("reports invalid JSON with its file", async () => {
    await writeExercise("broken", { "exercise.json": "{ nope" });
    const { exercises, problems } = await loadExercises({ root });
    expect(exercises).toEqual([]);
    expect(messages(problems)).toEqual([expect.stringMatching(/^ts\/broken\/exercise\.json: invalid JSON: /)]);
  });

  it("reports every schema error with its path", async () => {
    await writeExercise("bad-meta", {
      "exercise.json": JSON.stringify(meta("bad-meta", { difficulty: "easy", position: 1.5 })),
    });
    const found = messages((await loadExercises({ root })).problems);
    expect(found).toContainEqual(expect.stringMatching(/^ts\/bad-meta\/exercise\.json: difficulty: /));
    expect(found).toContainEqual(expect.stringMatching(/^ts\/bad-meta\/exercise\.json: position: /));
  });

  it("reports missing statement, starter, tests and good solution together", async () => {
    await writeExercise("empty", {
      "statement.md": null,
      "starter.ts": null,
      "tests.ts": null,
      "solutions/good/ok.ts": null,
    });
    const found = messages((await loadExercises({ root })).problems);
    expect(found).toEqual([
      "ts/empty/statement.md: missing statement (statement.md)",
      "ts/empty/starter.ts: missing starter code (starter.ts)",
      "ts/empty/tests.ts: missing hidden tests (tests.ts)",
      expect.stringMatching(/^ts\/empty\/solutions\/good: no good solution/),
    ]);
  });

  it("pairs bad solutions with expectations both ways", async () => {
    await writeExercise("pairs", { "solutions/bad/racy.ts": null, "solutions/bad/deadlock.ts": "export {}\n" });
    const found = messages((await loadExercises({ root })).problems);
    expect(found).toEqual([
      expect.stringMatching(/^ts\/pairs\/solutions\/bad\/deadlock\.ts: no expectation/),
      'ts/pairs/exercise.json: expectations.bad["racy.ts"] names a file that does not exist in solutions/bad',
    ]);
  });

  it("rejects an id that does not match the folder and a duplicated uuid", async () => {
    await writeExercise("one", {});
    await writeExercise("two", {});
    await writeExercise("three", {
      "exercise.json": JSON.stringify(meta("renamed", { uuid: "7f1d2c1e-8a7b-4c3d-9e2f-1a2b3c4d5e6f" })),
    });
    const { exercises, problems } = await loadExercises({ root });
    expect(exercises).toEqual([]);
    expect(messages(problems)).toEqual([
      'ts/three/exercise.json: id "ts/renamed" does not match its folder: expected "ts/three"',
      "ts/one/exercise.json: uuid 6f1d2c1e-8a7b-4c3d-9e2f-1a2b3c4d5e6f is also used by ts/two",
      "ts/two/exercise.json: uuid 6f1d2c1e-8a7b-4c3d-9e2f-1a2b3c4d5e6f is also used by ts/one",
    ]);
  });

  it("loads the repository's own exercises without problems", async () => {
    const { exercises, problems } = await loadExercises();
    expect(problems).toEqual([]);
    expect(exercises.map((e) => e.id)).toContain("ts/shared-counter");
  });

  it("never pulls isolated-vm into the web server's import graph", async () => {
    const result = await build({
      entryPoints: [path.join(import.meta.dirname, "load-exercises.ts")],
      bundle: true,
      write: false,
      platform: "node",
      format: "esm",
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.includes("load-exercises"))).toBe(true);
    expect(inputs.filter((file) => file.includes("isolated-vm"))).toEqual([]);
  });
});

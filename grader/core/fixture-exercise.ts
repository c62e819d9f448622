// Test helper: writes a tiny TypeScript exercise (tight limits, one test of f() === 1) into a
// temp exercises root, so grade()/check tests exercise the real child process quickly.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const HARNESS = pathToFileURL(path.resolve(import.meta.dirname, "..", "runners", "ts", "harness-api.ts")).href;

export async function writeFixtureExercise(
  options: { bad?: Record<string, { code: string; status: string; reason: string }>; wallMs?: number } = {},
) {
  const root = await mkdtemp(path.join(tmpdir(), "grade-fixture-"));
  const dir = path.join(root, "ts", "fixture");
  const bad = options.bad ?? {};
  const files: Record<string, string> = {
    "exercise.json": JSON.stringify({
      id: "ts/fixture",
      uuid: "3a4c2d1e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
      title: "Fixture",
      summary: "A fixture exercise for grader tests.",
      difficulty: "intro",
      concepts: ["testing"],
      language: "typescript",
      position: 1,
      limits: { cpuMs: 2000, wallMs: options.wallMs ?? 400, memoryMb: 32, maxWorkers: 2 },
      expectations: {
        starter: { status: "fail", reason: "wrong_result" },
        bad: Object.fromEntries(Object.entries(bad).map(([file, b]) => [file, { status: b.status, reason: b.reason }])),
      },
    }),
    "statement.md": "Export f() returning 1.\n",
    "starter.ts": "export function f() { return 0; }\n",
    "tests.ts": `import { defineTests, describeValue } from ${JSON.stringify(HARNESS)};
export default defineTests({
  exports: { f: "function" },
  tests: [{ name: "f() returns 1", async run(t) {
    const { value } = await t.call("f", []);
    return value === 1 ? t.pass() : t.fail("wrong_result", "f() should return 1, got " + describeValue(value), { expected: 1, actual: value });
  } }],
});
`,
    "solutions/good/one.ts": "export function f() { return 1; }\n",
    ...Object.fromEntries(Object.entries(bad).map(([file, b]) => [`solutions/bad/${file}`, b.code])),
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return { root, id: "ts/fixture" };
}

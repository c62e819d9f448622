// `./interleave test`: every test the project has, in order of cost, with one summary line at
// the end ("N passed, M failed") that counts vitest tests and exercise verdict checks.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { childEnv } from "../lib/env.ts";
import { ensureChromium } from "./platform/chromium.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reportDir = path.join(root, ".cache", "test-reports");

type StepResult = { name: string; passed: number; failed: number; ok: boolean };

const VitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().optional(),
  numTodoTests: z.number().optional(),
  success: z.boolean(),
});

function run(command: string, args: string[], env: NodeJS.ProcessEnv = childEnv()): { status: number; stdout: string } {
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? "");
  return { status: result.status ?? 1, stdout: result.stdout ?? "" };
}

const nodeArgs = ["--no-node-snapshot", "--disable-warning=ExperimentalWarning"];

function vitestStep(project: string): StepResult {
  const outputFile = path.join(reportDir, `${project}.json`);
  rmSync(outputFile, { force: true });
  const { status } = run(process.execPath, [
    ...nodeArgs,
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${outputFile}`,
  ]);
  if (!existsSync(outputFile)) return { name: project, passed: 0, failed: 1, ok: false };
  const report = VitestReport.parse(JSON.parse(readFileSync(outputFile, "utf8")));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A skipped test hides a missing capability: count it as a failure.
  const failed = report.numFailedTests + skipped + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return { name: project, passed: report.numPassedTests, failed, ok: status === 0 && failed === 0 };
}

function commandStep(name: string, command: string, args: string[]): StepResult {
  const { status, stdout } = run(command, args);
  const counts = /^(?:\w+: )?(\d+) passed, (\d+) failed/m.exec(stdout);
  const passed = counts ? Number(counts[1]) : status === 0 ? 1 : 0;
  const failed = counts ? Number(counts[2]) : status === 0 ? 0 : 1;
  return { name, passed, failed: status === 0 ? failed : Math.max(failed, 1), ok: status === 0 };
}

const STEPS: Record<string, () => StepResult> = {
  // First, so the Rust exercises and sandbox tests below have their toolchain and crates
  // (a no-op when nothing changed; says loudly why when no toolchain can be had).
  rust: () =>
    commandStep("rust setup", process.execPath, [
      ...nodeArgs,
      "--import",
      "tsx",
      "scripts/cli.ts",
      "rust",
      "setup",
      "--require",
    ]),
  typecheck: () =>
    commandStep("typecheck", process.execPath, [
      path.join(root, "node_modules/typescript/bin/tsc"),
      "--noEmit",
      "-p",
      root,
    ]),
  // Prettier's check and ESLint with type information (eslint.config.mjs: layer rules,
  // floating promises, exhaustive switches): a wrong import or an unformatted file fails here.
  format: () =>
    commandStep("format", process.execPath, [
      path.join(root, "node_modules/prettier/bin/prettier.cjs"),
      "--check",
      ".",
    ]),
  lint: () =>
    commandStep("lint", process.execPath, [
      path.join(root, "node_modules/eslint/bin/eslint.js"),
      "--max-warnings",
      "0",
      "--cache",
      "--cache-location",
      path.join(root, ".cache", "eslint"),
      ".",
    ]),
  schema: () =>
    commandStep("exercise schema", process.execPath, [
      ...nodeArgs,
      "--import",
      "tsx",
      "scripts/cli.ts",
      "exercises",
      "schema",
      "--check",
    ]),
  unit: () => vitestStep("unit"),
  exercises: () =>
    commandStep("exercises check", process.execPath, [
      ...nodeArgs,
      "--import",
      "tsx",
      "scripts/cli.ts",
      "exercises",
      "check",
      "--no-skip",
    ]),
  integration: () => vitestStep("integration"),
  e2e: () => {
    ensureChromium();
    return vitestStep("e2e");
  },
};

export async function testCommand(args: string[]): Promise<number> {
  const unknown = args.filter((name) => !(name in STEPS));
  if (unknown.length > 0) {
    process.stderr.write(`unknown test step(s): ${unknown.join(", ")}; steps: ${Object.keys(STEPS).join(", ")}\n`);
    return 2;
  }
  mkdirSync(reportDir, { recursive: true });
  const names = args.length > 0 ? args : Object.keys(STEPS);
  const results: StepResult[] = [];
  for (const name of names) {
    process.stderr.write(`\n[interleave test] ── ${name} ──\n`);
    const step = STEPS[name];
    if (step) results.push(step());
  }
  process.stdout.write("\n[interleave test] summary\n");
  for (const r of results) {
    process.stdout.write(`  ${r.ok ? "ok  " : "FAIL"} ${r.name}: ${r.passed} passed, ${r.failed} failed\n`);
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const ok = results.every((r) => r.ok);
  process.stdout.write(`${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed\n`);
  return ok ? 0 : 1;
}

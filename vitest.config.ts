import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests sit next to the code and need no database; integration tests use a real Postgres
// (tests/integration/global-setup.ts starts one unless DATABASE_URL points elsewhere).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    pool: "forks",
    // The same V8 flags as the grading child (grader/runners/ts/jit-flag.ts).
    execArgv: ["--no-node-snapshot", "--max-opt=1"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "grader/**/*.test.ts",
            "lib/**/*.test.ts",
            "exercises/**/*.test.ts",
            "scripts/**/*.test.ts",
            "components/**/*.test.ts",
          ],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.spec.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

// Starts the real platform (embedded Postgres unless E2E_DATABASE_URL, migrations, exercise sync,
// `next start`, one grader worker) on free ports for the browser tests.
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/platform/free-port.ts";
import { startPlatform, type RunningPlatform } from "../../scripts/platform/start-platform.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    e2eDatabaseUrl: string;
  }
}

let platform: RunningPlatform | undefined;

export async function setup(project: TestProject): Promise<void> {
  const root = path.resolve(import.meta.dirname, "../..");
  const dataDir = path.join(root, ".data", "e2e");
  rmSync(dataDir, { recursive: true, force: true });
  const lines: string[] = [];
  try {
    platform = await startPlatform({
      root,
      dataDir,
      port: await freePort(),
      dbPort: await freePort(),
      databaseUrl: process.env.E2E_DATABASE_URL,
      log: (line) => lines.push(line),
    });
  } catch (error) {
    process.stderr.write(lines.join("\n"));
    throw error;
  }
  project.provide("baseURL", platform.url);
  project.provide("e2eDatabaseUrl", platform.databaseUrl);
}

export async function teardown(): Promise<void> {
  await platform?.stop();
}

// vitest globalSetup for the integration project: one fresh, migrated database per run (with
// graphile-worker's schema), on TEST_DATABASE_URL / DATABASE_URL's server when set, else on an
// embedded Postgres under .data/test-postgres. Test files read the URL with inject("databaseUrl").
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type RunningPostgres } from "../../lib/db/embedded.ts";
import { prepareDatabase } from "../../lib/db/prepare-database.ts";
import { createDatabase, dropDatabase, otherActiveTestDatabases, TEST_DB_PREFIX } from "./support/databases.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Test infrastructure, not app code: it may read the environment directly.
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let server: RunningPostgres | undefined;
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    server = await startEmbeddedPostgres({
      dataDir: path.resolve(import.meta.dirname, "../../.data/test-postgres"),
      port: await freePort(),
      database: "postgres",
    });
    serverUrl = server.url;
  }

  const name = `${TEST_DB_PREFIX}${Date.now()}_${process.pid}`;
  const databaseUrl = await createDatabase(serverUrl, name);
  await prepareDatabase({ databaseUrl });
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    await dropDatabase(serverUrl, name);
    // Another run may be using the same embedded server (it reused ours): leave it up then.
    if (server && !server.reused && (await otherActiveTestDatabases(serverUrl)) === 0) await server.stop();
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

// Installs or upgrades graphile-worker's own schema (graphile_worker.*) with its migrations.
// It is not ours: the Prisma migrations never touch it and the drift test ignores it.
import { runMigrations } from "graphile-worker";
import { queueLogger } from "./queue-logger.ts";

export async function installQueueSchema(options: { databaseUrl: string }): Promise<void> {
  await runMigrations({ connectionString: options.databaseUrl, logger: queueLogger({ quiet: true }) });
}

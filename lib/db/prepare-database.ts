// Everything a database needs before the app uses it: our Prisma migrations, then the queue's
// schema. Used by `./interleave db migrate`, `./interleave start` and the integration tests.
import { installQueueSchema } from "../queue/install-queue-schema.ts";
import { migrate, type MigrateResult } from "./migrate.ts";

export async function prepareDatabase(options: {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (message: string) => void;
}): Promise<MigrateResult> {
  const result = await migrate(options);
  await installQueueSchema({ databaseUrl: options.databaseUrl });
  return result;
}

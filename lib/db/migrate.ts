// A migrator interchangeable with `prisma migrate deploy` (Prisma 7's migrate CLI needs a native
// schema engine that offline machines cannot download). It keeps Prisma's bookkeeping exactly:
// the `_prisma_migrations` table as the engine creates it, the same sha256 checksums, the same
// session advisory lock, and the same refusal to go on past a failed migration. Two deliberate
// differences: each migration runs in one transaction (a failure leaves no half-applied schema),
// and an applied migration whose file changed is refused instead of silently ignored.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { DEFAULT_MIGRATIONS_DIR, readMigrations, scriptMatchesChecksum } from "./migration-files.ts";
import { listMigrationRows, type MigrationRow } from "./migration-rows.ts";

/** prisma-engines sql-schema-connector/src/flavour/postgres.rs: "a unique number we chose to identify Migrate". */
export const PRISMA_MIGRATE_LOCK_ID = 72707369;

export type MigrateOptions = {
  databaseUrl: string;
  migrationsDir?: string;
  /** How long to wait for another migrator's lock; Prisma gives up after 10 s. */
  lockTimeoutMs?: number;
  log?: (message: string) => void;
};

export type MigrateResult = { applied: string[]; upToDate: string[] };

export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await acquireLock(client, options.lockTimeoutMs ?? 10_000);
    try {
      const rows = await listMigrationRows(client);
      refuseFailed(rows);
      const live = rows.filter((row) => row.rolled_back_at === null);
      const applied: string[] = [];
      const upToDate: string[] = [];
      for (const migration of migrations) {
        const row = live.find((candidate) => candidate.migration_name === migration.name);
        if (row) {
          if (!scriptMatchesChecksum(migration.script, row.checksum)) {
            throw new Error(
              `migration ${migration.name} was modified after it was applied (checksum ${row.checksum} in ` +
                `_prisma_migrations, ${migration.checksum} on disk). Restore the file and add a new migration instead.`,
            );
          }
          upToDate.push(migration.name);
          continue;
        }
        log(`applying ${migration.name}`);
        await applyOne(client, migration);
        applied.push(migration.name);
      }
      for (const row of live) {
        if (!migrations.some((migration) => migration.name === row.migration_name)) {
          log(`warning: ${row.migration_name} is applied in the database but missing from the migrations folder`);
        }
      }
      return { applied, upToDate };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_ID]);
    }
  } finally {
    await client.end();
  }
}

async function acquireLock(client: pg.Client, timeoutMs: number): Promise<void> {
  // lock_timeout bounds the wait for an advisory lock as for any other lock; reset right after
  // so it never limits the migrations themselves.
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
  } catch (cause) {
    if (cause instanceof pg.DatabaseError && cause.code === "55P03") {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for the migrate lock (pg_advisory_lock(${PRISMA_MIGRATE_LOCK_ID})): ` +
          `another migrator (ours or prisma migrate) is running against this database`,
        { cause },
      );
    }
    throw cause;
  } finally {
    await client.query("RESET lock_timeout");
  }
}

function refuseFailed(rows: MigrationRow[]): void {
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length === 0) return;
  const details = failed
    .map((row) => {
      const logs = row.logs?.trim() ? ` with the following logs:\n${row.logs.trim()}` : "";
      return `The \`${row.migration_name}\` migration started at ${row.started_at.toISOString()} failed${logs}`;
    })
    .join("\n");
  throw new Error(
    `found failed migrations in the target database; new migrations will not be applied (Prisma P3009).\n${details}\n` +
      `Fix the migration, then mark it rolled back (prisma migrate resolve --rolled-back <name>, or ` +
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL).`,
  );
}

async function applyOne(client: pg.Client, migration: { name: string; script: string; checksum: string }) {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.script);
    await client.query(
      `UPDATE "_prisma_migrations" SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (cause) {
    await client.query("ROLLBACK");
    // Record the failure as Prisma does (finished_at NULL, logs) so every later run refuses
    // until someone looks; the rollback above already left the schema as it was.
    const logs = cause instanceof Error ? cause.message : String(cause);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at) VALUES ($1, $2, $3, $4, now())`,
      [id, migration.checksum, migration.name, `Migration ${migration.name} failed to apply cleanly.\n${logs}`],
    );
    throw new Error(`migration ${migration.name} failed and was rolled back: ${logs}`, { cause });
  }
}

// Prisma's `_prisma_migrations` table: created with the engine's own DDL (prisma-engines
// sql-schema-connector, postgres flavour `create_migrations_table`) and read back with zod.
import type pg from "pg";
import { z } from "zod";

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export const MigrationRow = z.object({
  id: z.string(),
  checksum: z.string(),
  finished_at: z.date().nullable(),
  migration_name: z.string(),
  logs: z.string().nullable(),
  rolled_back_at: z.date().nullable(),
  started_at: z.date(),
  applied_steps_count: z.number().int(),
});
export type MigrationRow = z.infer<typeof MigrationRow>;

/** Creates the table when absent (refusing, like Prisma's P3005, a schema that already has tables) and lists it. */
export async function listMigrationRows(client: pg.Client): Promise<MigrationRow[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema()`,
  );
  const names = tables.rows.map((row) => row.name);
  if (!names.includes("_prisma_migrations")) {
    if (names.length > 0) {
      throw new Error(
        `the database schema is not empty (tables: ${names.slice(0, 5).join(", ")}) but has no _prisma_migrations ` +
          `table; baseline it first (Prisma P3005) or use an empty database`,
      );
    }
    await client.query(CREATE_MIGRATIONS_TABLE);
  }
  const result = await client.query(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY started_at ASC`,
  );
  return z.array(MigrationRow).parse(result.rows);
}

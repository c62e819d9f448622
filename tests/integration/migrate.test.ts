// The migrator keeps Prisma's bookkeeping: same table, checksum and lock, refuses edited or failed
// migrations, is idempotent, and serialises concurrent runs.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { migrate, PRISMA_MIGRATE_LOCK_ID } from "@/lib/db/migrate";
import { DEFAULT_MIGRATIONS_DIR, renderChecksum, scriptMatchesChecksum } from "@/lib/db/migration-files";
import { scratchDatabase } from "./support/databases.ts";

const INIT = "20251122023000_init";
/** Every committed migration folder, in the order the migrator applies them. */
const ALL = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratch(label: string) {
  const db = await scratchDatabase(inject("databaseUrl"), label);
  cleanups.push(db.drop);
  return db.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of prisma/migrations the test may edit. */
async function copyMigrations(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "interleave-migrations-"));
  await fs.cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

describe("checksums", () => {
  it("renders sha256 hex exactly as prisma-engines does, and accepts its legacy and CRLF forms", () => {
    expect(renderChecksum("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    const legacy = Array.from(createHash("sha256").update("abc\n").digest(), (b) => b.toString(16)).join("");
    expect(legacy.length).toBeLessThan(64);
    expect(scriptMatchesChecksum("abc\n", legacy)).toBe(true);
    expect(scriptMatchesChecksum("ab\r\ncd\r\n", renderChecksum("ab\ncd\n"))).toBe(true);
    expect(scriptMatchesChecksum("abc\n", renderChecksum("abc"))).toBe(false);
  });
});

describe("migrate", () => {
  it("applies to a fresh database and records the migration the way Prisma does", async () => {
    const url = await scratch("fresh");
    const result = await migrate({ databaseUrl: url });
    expect(result).toEqual({ applied: ALL, upToDate: [] });

    const sql = await fs.readFile(path.join(DEFAULT_MIGRATIONS_DIR, INIT, "migration.sql"));
    const rows = await query(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows).toHaveLength(ALL.length);
    expect(rows[0]).toMatchObject({
      migration_name: INIT,
      checksum: createHash("sha256").update(sql).digest("hex"),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);

    // Column for column the table prisma-engines creates.
    const columns = await query(
      url,
      `
      SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
        FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.character_maximum_length, c.is_nullable])).toEqual([
      ["id", "character varying", 36, "NO"],
      ["checksum", "character varying", 64, "NO"],
      ["finished_at", "timestamp with time zone", null, "YES"],
      ["migration_name", "character varying", 255, "NO"],
      ["logs", "text", null, "YES"],
      ["rolled_back_at", "timestamp with time zone", null, "YES"],
      ["started_at", "timestamp with time zone", null, "NO"],
      ["applied_steps_count", "integer", null, "NO"],
    ]);
  });

  it("is idempotent: a second run applies nothing and adds no row", async () => {
    const url = await scratch("idem");
    await migrate({ databaseUrl: url });
    expect(await migrate({ databaseUrl: url })).toEqual({ applied: [], upToDate: ALL });
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(ALL.length);
  });

  it("applies only the new migration of a later folder, in folder order", async () => {
    const url = await scratch("order");
    const dir = await copyMigrations();
    await migrate({ databaseUrl: url, migrationsDir: dir });
    for (const name of ["20991231000002_second", "20991231000001_first"]) {
      await fs.mkdir(path.join(dir, name));
      await fs.writeFile(path.join(dir, name, "migration.sql"), `CREATE TABLE "t_${name.slice(15)}" ("id" INTEGER);\n`);
    }
    const result = await migrate({ databaseUrl: url, migrationsDir: dir });
    expect(result.applied).toEqual(["20991231000001_first", "20991231000002_second"]);
  });

  it("refuses when an applied migration's file changed, but not for CRLF line endings", async () => {
    const url = await scratch("edited");
    const dir = await copyMigrations();
    await migrate({ databaseUrl: url, migrationsDir: dir });
    const file = path.join(dir, INIT, "migration.sql");
    const original = await fs.readFile(file, "utf8");

    await fs.writeFile(file, original.replaceAll("\n", "\r\n"));
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).resolves.toMatchObject({ applied: [] });

    await fs.writeFile(file, `${original}\n-- an edit\n`);
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`migration ${INIT} was modified after it was applied`),
    );
  });

  it("rolls back a failing migration, records it as failed, and refuses until it is marked rolled back", async () => {
    const url = await scratch("failed");
    const dir = await copyMigrations();
    const bad = path.join(dir, "20991231000000_bad");
    await fs.mkdir(bad);
    await fs.writeFile(
      path.join(bad, "migration.sql"),
      `CREATE TABLE "half" ("id" INTEGER);\nSELECT no_such_function();\n`,
    );

    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(
      /20991231000000_bad failed and was rolled back/,
    );
    expect(await query(url, `SELECT to_regclass('half') AS t`)).toEqual([{ t: null }]);
    const [failed] = await query(
      url,
      `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '20991231000000_bad'`,
    );
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toMatch(/no_such_function/);

    await fs.writeFile(path.join(bad, "migration.sql"), `CREATE TABLE "half" ("id" INTEGER);\n`);
    await expect(migrate({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/found failed migrations.*P3009/s);

    await query(url, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE finished_at IS NULL`);
    expect((await migrate({ databaseUrl: url, migrationsDir: dir })).applied).toEqual(["20991231000000_bad"]);
  });

  it("waits for Prisma's advisory lock and gives up with a clear error when it is held too long", async () => {
    const url = await scratch("lock");
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    cleanups.push(() => holder.end());
    await holder.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);

    await expect(migrate({ databaseUrl: url, lockTimeoutMs: 300 })).rejects.toThrow(
      /waiting for the migrate lock \(pg_advisory_lock\(72707369\)\)/,
    );
    const waiting = migrate({ databaseUrl: url, lockTimeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await holder.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_ID]);
    await expect(waiting).resolves.toEqual({ applied: ALL, upToDate: [] });
  });

  it("serialises concurrent runs: the migration is applied once", async () => {
    const url = await scratch("race");
    const results = await Promise.all([
      migrate({ databaseUrl: url }),
      migrate({ databaseUrl: url }),
      migrate({ databaseUrl: url }),
    ]);
    expect(results.flatMap((r) => r.applied)).toEqual(ALL);
    expect(await query(url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(ALL.length);
  });

  it("refuses a non-empty schema that has no migrations table (Prisma P3005)", async () => {
    const url = await scratch("nonempty");
    await query(url, `CREATE TABLE "someone_elses" ("id" INTEGER)`);
    await expect(migrate({ databaseUrl: url })).rejects.toThrow(/not empty.*someone_elses/);
  });
});

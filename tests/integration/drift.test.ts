// The hand-written migrations and schema.prisma must describe the same database. The expected
// shape comes from the generated client itself (its embedded schema, expanded to Prisma's DMMF by
// the schema wasm Prisma ships, cross-checked with the client's runtime data model); the actual
// shape from the migrated database's catalog. graphile-worker's schema and _prisma_migrations
// are not ours and are ignored.
import fs from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { migrate } from "@/lib/db/migrate";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readCatalogShape } from "./support/catalog-shape.ts";
import { scratchDatabase } from "./support/databases.ts";
import { getDmmf } from "./support/prisma-dmmf.ts";
import { diffShapes, shapeFromDmmf, type SchemaShape } from "./support/schema-shape.ts";

const ClientMetadata = z.object({
  _engineConfig: z.object({ inlineSchema: z.string() }),
  _runtimeDataModel: z.object({
    models: z.record(
      z.string(),
      z.object({
        dbName: z.string().nullable(),
        fields: z.array(z.object({ name: z.string(), kind: z.string(), dbName: z.string().optional() })),
      }),
    ),
  }),
});

/** The metadata the generated client carries (private fields of the Prisma 7 runtime, parsed). */
function generatedClientMetadata(url: string) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return ClientMetadata.parse({
    _engineConfig: Reflect.get(client, "_engineConfig"),
    _runtimeDataModel: Reflect.get(client, "_runtimeDataModel"),
  });
}

async function catalogOf(url: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await readCatalogShape(client);
  } finally {
    await client.end();
  }
}

let expected: SchemaShape;
let metadata: z.infer<typeof ClientMetadata>;
beforeAll(() => {
  metadata = generatedClientMetadata(inject("databaseUrl"));
  expected = shapeFromDmmf(getDmmf(metadata._engineConfig.inlineSchema));
});

describe("schema drift", () => {
  it("the generated client is up to date with prisma/schema.prisma", async () => {
    const schemaFile = await fs.readFile(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    // Compared as models, not text: formatting differences do not matter.
    expect(shapeFromDmmf(getDmmf(schemaFile)), "regenerate: node scripts/generate-prisma.mjs").toEqual(expected);
  });

  it("the client's runtime data model names the same tables and columns as its DMMF", () => {
    const runtime = Object.fromEntries(
      Object.entries(metadata._runtimeDataModel.models).map(([model, m]) => [
        m.dbName ?? model,
        m.fields
          .filter((f) => f.kind !== "object")
          .map((f) => f.dbName ?? f.name)
          .sort(),
      ]),
    );
    const fromDmmf = Object.fromEntries(
      Object.entries(expected.tables).map(([table, t]) => [table, Object.keys(t.columns).sort()]),
    );
    expect(runtime).toEqual(fromDmmf);
  });

  it("the migrated database matches the generated client: tables, columns, types, nullability, indexes, keys, enums", async () => {
    const actual = await catalogOf(inject("databaseUrl"));
    expect(diffShapes(expected, actual)).toEqual([]);
    // Sanity: the comparison saw real tables, and the queue schema it ignores is really there.
    expect(Object.keys(actual.tables)).toContain("grading_runs");
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    const queue = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'graphile_worker'`);
    await client.end();
    expect(queue.rowCount).toBe(1);
  });

  it("reports every kind of difference from a deliberately wrong catalog", async () => {
    const wrong: SchemaShape = structuredClone(await catalogOf(inject("databaseUrl")));
    const runs = wrong.tables.grading_runs;
    const submissions = wrong.tables.submissions;
    if (!runs || !submissions) throw new Error("catalog lacks grading_runs/submissions");
    runs.columns.score = { type: "real", nullable: true };
    runs.columns.status = { type: "text", nullable: false };
    delete runs.columns.finished_at;
    const fk = submissions.foreignKeys.submissions_exercise_id_fkey;
    if (fk) fk.onDelete = "CASCADE";
    delete wrong.tables.users?.indexes.users_email_key;
    wrong.enums.grading_run_state = ["queued", "running"];
    wrong.tables.stray = { columns: {}, indexes: {}, foreignKeys: {} };

    const problems = diffShapes(expected, wrong);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^grading_runs\.columns\.score: database has .*real/),
        expect.stringMatching(/^grading_runs\.columns\.status: .*"nullable":false/),
        "grading_runs.columns.finished_at: missing from the database",
        expect.stringMatching(/^submissions\.foreignKeys\.submissions_exercise_id_fkey: .*CASCADE.*RESTRICT/),
        "users.indexes.users_email_key: missing from the database",
        expect.stringMatching(/^enum grading_run_state: values queued,running instead of queued,running,done/),
        "table stray: in the database only",
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it("catches drift in a real database altered behind Prisma's back", async () => {
    const scratch = await scratchDatabase(inject("databaseUrl"), "drift");
    try {
      await migrate({ databaseUrl: scratch.url });
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      await client.query(`ALTER TABLE "exercises" ALTER COLUMN "concepts" TYPE VARCHAR(40)[]`);
      await client.query(`DROP INDEX "sessions_user_id_idx"`);
      await client.end();
      expect(diffShapes(expected, await catalogOf(scratch.url))).toEqual([
        expect.stringMatching(/^exercises\.columns\.concepts: database has .*character varying\(40\)\[\]/),
        "sessions.indexes.sessions_user_id_idx: missing from the database",
      ]);
    } finally {
      await scratch.drop();
    }
  });
});

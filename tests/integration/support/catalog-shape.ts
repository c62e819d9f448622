// Reads the migrated database's catalog into the shape schema-shape.ts compares. Only our schema
// (current_schema(), normally public): graphile-worker lives in its own schema and is not ours,
// and `_prisma_migrations` is bookkeeping, not model.
import type pg from "pg";
import type { SchemaShape, TableShape } from "./schema-shape.ts";

const IGNORED_TABLES = ["_prisma_migrations"];
const ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

export async function readCatalogShape(client: pg.Client | pg.PoolClient): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, enums: {} };
  const table = (name: string): TableShape => (shape.tables[name] ??= { columns: {}, indexes: {}, foreignKeys: {} });

  const columns = await client.query<{ table: string; column: string; type: string; nullable: boolean }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`);
  for (const row of columns.rows) {
    if (IGNORED_TABLES.includes(row.table)) continue;
    table(row.table).columns[row.column] = { type: row.type, nullable: row.nullable };
  }

  const indexes = await client.query<{
    table: string;
    name: string;
    columns: string[];
    unique: boolean;
    primary: boolean;
  }>(`
    SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
           array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema()`);
  for (const row of indexes.rows) {
    if (IGNORED_TABLES.includes(row.table)) continue;
    table(row.table).indexes[row.name] = { columns: row.columns, unique: row.unique, primary: row.primary };
  }

  const foreignKeys = await client.query<{
    table: string;
    name: string;
    columns: string[];
    references: string;
    ref_columns: string[];
    on_delete: string;
    on_update: string;
  }>(`
    SELECT t.relname AS table, k.conname AS name, r.relname AS references,
           k.confdeltype AS on_delete, k.confupdtype AS on_update,
           array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY c(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = c.attnum ORDER BY c.ord)::text[] AS columns,
           array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY c(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = c.attnum ORDER BY c.ord)::text[] AS ref_columns
      FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`);
  for (const row of foreignKeys.rows) {
    table(row.table).foreignKeys[row.name] = {
      columns: row.columns,
      references: row.references,
      refColumns: row.ref_columns,
      onDelete: ACTIONS[row.on_delete] ?? row.on_delete,
      onUpdate: ACTIONS[row.on_update] ?? row.on_update,
    };
  }

  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() GROUP BY t.typname`);
  for (const row of enums.rows) shape.enums[row.name] = row.values;
  return shape;
}

// What the drift test compares: tables with their columns (Postgres type as format_type prints it,
// nullability), indexes, foreign keys, and enums — once derived from Prisma's DMMF, once read from
// the migrated database's catalog (catalog-shape.ts).
import { z } from "zod";

export type ColumnShape = { type: string; nullable: boolean };
export type IndexShape = { columns: string[]; unique: boolean; primary: boolean };
export type ForeignKeyShape = {
  columns: string[];
  references: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
};
export type TableShape = {
  columns: Record<string, ColumnShape>;
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
};
export type SchemaShape = { tables: Record<string, TableShape>; enums: Record<string, string[]> };

const Field = z.object({
  name: z.string(),
  dbName: z.string().nullish(),
  kind: z.enum(["scalar", "enum", "object", "unsupported"]),
  isList: z.boolean(),
  isRequired: z.boolean(),
  isId: z.boolean(),
  type: z.string(),
  nativeType: z.tuple([z.string(), z.array(z.string())]).nullish(),
  relationFromFields: z.array(z.string()).optional(),
  relationToFields: z.array(z.string()).optional(),
  relationOnDelete: z.string().optional(),
  relationOnUpdate: z.string().optional(),
});
const Dmmf = z.object({
  datamodel: z.object({
    models: z.array(z.object({ name: z.string(), dbName: z.string().nullish(), fields: z.array(Field) })),
    enums: z.array(
      z.object({
        name: z.string(),
        dbName: z.string().nullish(),
        values: z.array(z.object({ name: z.string(), dbName: z.string().nullish() })),
      }),
    ),
    indexes: z.array(
      z.object({
        model: z.string(),
        type: z.enum(["id", "unique", "normal", "fulltext"]),
        dbName: z.string().nullish(),
        fields: z.array(z.object({ name: z.string() })),
      }),
    ),
  }),
});

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  Text: () => "text",
  Timestamptz: (args) => `timestamp(${args[0] ?? "6"}) with time zone`,
  Timestamp: (args) => `timestamp(${args[0] ?? "6"}) without time zone`,
  VarChar: (args) => (args[0] ? `character varying(${args[0]})` : "character varying"),
  Integer: () => "integer",
  SmallInt: () => "smallint",
  DoublePrecision: () => "double precision",
  JsonB: () => "jsonb",
  Json: () => "json",
  Date: () => "date",
};
const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** The schema Prisma expects, from a DMMF (see prisma-dmmf.ts), named with Prisma's default conventions. */
export function shapeFromDmmf(input: unknown): SchemaShape {
  const { datamodel } = Dmmf.parse(input);
  const tableOf = (model: string) => datamodel.models.find((m) => m.name === model)?.dbName ?? model;
  const enumDbName = (name: string) => datamodel.enums.find((e) => e.name === name)?.dbName ?? name;
  const shape: SchemaShape = { tables: {}, enums: {} };
  for (const e of datamodel.enums) shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);

  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    const columnOf = (fieldName: string, ofModel = model) => {
      const field = ofModel.fields.find((f) => f.name === fieldName);
      return field?.dbName ?? fieldName;
    };
    const shapeTable: TableShape = { columns: {}, indexes: {}, foreignKeys: {} };
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (!field.relationFromFields?.length) continue;
        const target = datamodel.models.find((m) => m.name === field.type);
        const columns = field.relationFromFields.map((f) => columnOf(f));
        shapeTable.foreignKeys[`${table}_${columns.join("_")}_fkey`] = {
          columns,
          references: tableOf(field.type),
          refColumns: (field.relationToFields ?? []).map((f) => (target ? columnOf(f, target) : f)),
          onDelete: REFERENTIAL_ACTIONS[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")] ?? "?",
          onUpdate: REFERENTIAL_ACTIONS[field.relationOnUpdate ?? "Cascade"] ?? "?",
        };
        continue;
      }
      const base =
        field.kind === "enum"
          ? enumDbName(field.type)
          : field.nativeType
            ? (NATIVE_TYPES[field.nativeType[0]]?.(field.nativeType[1]) ??
              `unmapped native type ${field.nativeType[0]}`)
            : (SCALAR_TYPES[field.type] ?? `unmapped type ${field.type}`);
      // Prisma writes scalar lists without NOT NULL.
      shapeTable.columns[field.dbName ?? field.name] = {
        type: field.isList ? `${base}[]` : base,
        nullable: field.isList || !field.isRequired,
      };
    }
    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const columns = index.fields.map((f) => columnOf(f.name));
      const suffix = { id: "pkey", unique: "key", normal: "idx", fulltext: "idx" }[index.type];
      const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`);
      shapeTable.indexes[name] = { columns, unique: index.type !== "normal", primary: index.type === "id" };
    }
    shape.tables[table] = shapeTable;
  }
  return shape;
}

/** Every difference between what Prisma expects and what the database has, one line each. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const problems: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const name of union(expected.enums, actual.enums)) {
    const [want, have] = [expected.enums[name], actual.enums[name]];
    if (!want) problems.push(`enum ${name}: in the database only`);
    else if (!have) problems.push(`enum ${name}: missing from the database`);
    else if (!same(want, have)) problems.push(`enum ${name}: values ${have.join(",")} instead of ${want.join(",")}`);
  }
  for (const table of union(expected.tables, actual.tables)) {
    const [want, have] = [expected.tables[table], actual.tables[table]];
    if (!want) problems.push(`table ${table}: in the database only`);
    else if (!have) problems.push(`table ${table}: missing from the database`);
    else {
      for (const part of ["columns", "indexes", "foreignKeys"] as const) {
        const [w, h]: [Record<string, unknown>, Record<string, unknown>] = [want[part], have[part]];
        for (const name of union(w, h)) {
          if (!(name in w)) problems.push(`${table}.${part}.${name}: in the database only`);
          else if (!(name in h)) problems.push(`${table}.${part}.${name}: missing from the database`);
          else if (!same(w[name], h[name])) {
            problems.push(
              `${table}.${part}.${name}: database has ${JSON.stringify(h[name])}, Prisma expects ${JSON.stringify(w[name])}`,
            );
          }
        }
      }
    }
  }
  return problems;
}

function union(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

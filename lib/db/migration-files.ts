// The migrations folder as Prisma reads it: one sub-folder per migration holding migration.sql,
// applied in folder-name order, plus migration_lock.toml naming the provider. Checksums follow
// prisma-engines' schema-connector/src/checksum.rs so our rows and Prisma's are interchangeable.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export type MigrationFile = { name: string; script: string; checksum: string };

export const DEFAULT_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  await checkLockFile(dir);
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    const script = await fs.readFile(file, "utf8").catch((cause: unknown) => {
      throw new Error(`migration folder ${name} has no readable migration.sql (${file})`, { cause });
    });
    migrations.push({ name, script, checksum: renderChecksum(script) });
  }
  return migrations;
}

async function checkLockFile(dir: string): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, "migration_lock.toml"), "utf8");
  } catch {
    return; // Prisma treats a missing lock file as "no provider recorded yet".
  }
  const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(text)?.[1];
  if (provider !== undefined && provider !== "postgresql") {
    throw new Error(`prisma/migrations/migration_lock.toml names provider "${provider}", not "postgresql"`);
  }
}

/** sha256 of the script's UTF-8 bytes as 64 lowercase hex digits (Prisma's `render_checksum`). */
export function renderChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/**
 * Prisma's `script_matches_checksum`: line endings may differ (git on Windows), and rows written
 * by old engines hold hex digits without zero padding.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const rendered =
      checksum.length !== 0 && checksum.length !== 64
        ? Array.from(digest, (byte) => byte.toString(16)).join("")
        : digest.toString("hex");
    return rendered === checksum;
  });
}

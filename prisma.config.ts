// Used only by the Prisma CLI (generate here; migrate deploy where a schema engine exists).
// The app connects through @prisma/adapter-pg in lib/db.ts and migrates with lib/db/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/interleave" },
});

// Where the embedded database lives when DATABASE_URL is not set (`./interleave db start`,
// `db migrate`, `worker`): one place, so every command finds the same server.
import path from "node:path";
import { postgresUrl } from "./postgres-url.ts";

export const EMBEDDED_DEFAULTS = {
  dataDir: path.resolve(import.meta.dirname, "../../.data/postgres"),
  port: 5433,
  database: "interleave",
  user: "postgres",
  password: "postgres",
} as const;

export function embeddedDatabaseUrl(port: number = EMBEDDED_DEFAULTS.port): string {
  return postgresUrl({ ...EMBEDDED_DEFAULTS, port });
}

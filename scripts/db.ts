// `./interleave db migrate | start`: the database on its own. Without DATABASE_URL both use
// the embedded Postgres under .data/postgres (port 5433 unless --port is given).
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded.ts";
import { EMBEDDED_DEFAULTS } from "../lib/db/embedded-defaults.ts";
import { prepareDatabase } from "../lib/db/prepare-database.ts";
import { optionalEnv } from "../lib/env.ts";

const USAGE = `usage: ./interleave db migrate [--port N]   apply prisma/migrations and the queue schema
       ./interleave db start [--port N]     run the embedded Postgres (migrated) until Ctrl-C
DATABASE_URL, when set, is used instead of the embedded database (db start then only migrates it).
`;

const log = (line: string) => process.stderr.write(`[db] ${line}\n`);

export async function dbCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const port = parsePort(rest);
  if ((sub !== "migrate" && sub !== "start") || port === null) {
    process.stderr.write(USAGE);
    return 2;
  }
  const external = optionalEnv("DATABASE_URL");
  const server: RunningPostgres = external
    ? { url: external, stop: async () => {}, reused: true }
    : await startEmbeddedPostgres({ dataDir: EMBEDDED_DEFAULTS.dataDir, port, database: EMBEDDED_DEFAULTS.database });
  if (!external)
    log(`${server.reused ? "reusing" : "started"} embedded Postgres (${EMBEDDED_DEFAULTS.dataDir}) on port ${port}`);
  try {
    const result = await prepareDatabase({ databaseUrl: server.url, log });
    log(
      `${result.applied.length} migration(s) applied, ${result.upToDate.length} already in place; queue schema ready`,
    );
    if (sub === "migrate" || external) return 0;
    process.stdout.write(`DATABASE_URL=${server.url}\n`);
    log("running; Ctrl-C stops it");
    await new Promise<void>((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    });
    return 0;
  } finally {
    await server.stop();
  }
}

/** `--port N` (default 5433); null when malformed. */
function parsePort(args: string[]): number | null {
  if (args.length === 0) return EMBEDDED_DEFAULTS.port;
  if (args.length !== 2 || args[0] !== "--port") return null;
  const port = Number(args[1]);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
}

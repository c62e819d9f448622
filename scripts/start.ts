// `./interleave start`: the whole platform on its embedded default, until Ctrl-C.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { env } from "../lib/env.ts";
import { startPlatform } from "./platform/start-platform.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const StartEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  INTERLEAVE_DB_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  INTERLEAVE_DATA_DIR: z.string().default(path.join(root, ".data")),
  DATABASE_URL: z.url().optional(),
  // Worker i of `start` serves /metrics on WORKER_METRICS_PORT + i (lib/env.ts).
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
});

export async function startCommand(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(
      "usage: ./interleave start   (settings: PORT, DATABASE_URL, GRADING_WORKERS, INTERLEAVE_DB_PORT, INTERLEAVE_DATA_DIR, TRUSTED_PROXIES; see README)\n",
    );
    return 2;
  }
  const settings = StartEnv.parse(process.env);
  try {
    // The web server reads it at start; a typo should stop us here, not after the build.
    void env.TRUSTED_PROXIES;
    void env.GRADING_WORKERS;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const platform = await startPlatform({
    root,
    dataDir: settings.INTERLEAVE_DATA_DIR,
    port: settings.PORT,
    dbPort: settings.INTERLEAVE_DB_PORT,
    databaseUrl: settings.DATABASE_URL,
    workerMetricsBasePort: settings.WORKER_METRICS_PORT,
  });
  process.stdout.write(`\nInterleave is running at ${platform.url}  (Ctrl-C to stop)\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[interleave] ${signal}: stopping web, draining the workers, stopping Postgres…\n`);
    await platform.stop();
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const firstExit = await Promise.race([
    platform.web.exited.then((code) => ({ name: "web", code })),
    platform.workers.givenUp,
  ]);
  if (!stopping) {
    process.stderr.write(`[interleave] ${firstExit.name} exited (${firstExit.code}); stopping the rest\n`);
    await shutdown("exit");
    return 1;
  }
  return 0;
}

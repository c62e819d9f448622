// `./interleave start`: the whole platform on its embedded default, until Ctrl-C.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { env, optionalEnv } from "../lib/env.ts";
import { startPlatform } from "./platform/start-platform.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function startCommand(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(
      "usage: ./interleave start   (settings: PORT, DATABASE_URL, GRADING_WORKERS, INTERLEAVE_DB_PORT, INTERLEAVE_DATA_DIR, TRUSTED_PROXIES; see README)\n",
    );
    return 2;
  }
  let settings;
  try {
    // The web server reads these at start; a typo should stop us here, not after the build.
    void env.TRUSTED_PROXIES;
    void env.GRADING_WORKERS;
    settings = {
      dataDir: env.INTERLEAVE_DATA_DIR ?? path.join(root, ".data"),
      port: env.PORT,
      dbPort: env.INTERLEAVE_DB_PORT,
      databaseUrl: optionalEnv("DATABASE_URL"),
      // Worker i of `start` serves /metrics on WORKER_METRICS_PORT + i (lib/env.ts).
      workerMetricsBasePort: env.WORKER_METRICS_PORT,
    };
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const platform = await startPlatform({ root, ...settings });
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

// The whole platform on one machine: Postgres (embedded unless a URL is given), migrations,
// exercises synced from files, then the web server (scripts/web-server.ts) and GRADING_WORKERS
// grader workers (grading-workers.ts) as separate processes.
// Used by `./interleave start`, the end-to-end tests and the benchmarks.
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded.ts";
import { prepareDatabase } from "../../lib/db/prepare-database.ts";
import { childEnv, env as appEnv, optionalEnv, setEnv } from "../../lib/env.ts";
import { buildWebIfStale } from "./build-web.ts";
import { defaultWorkerCount, startGradingWorkers, type WorkerFleet } from "./grading-workers.ts";
import { startChild, stopChild, waitForHttp, type Child } from "./processes.ts";
import { loadOrCreateSecret } from "./secret.ts";

export type PlatformOptions = {
  root: string;
  /** Git-ignored folder for the embedded database and the auth secret. */
  dataDir: string;
  port: number;
  dbPort: number;
  /** An external Postgres; when absent the embedded one is started. */
  databaseUrl?: string;
  log?: (line: string) => void;
  /** Silence the children's output (tests keep only failures). */
  quietChildren?: boolean;
  /** Grading worker processes; default GRADING_WORKERS, else defaultWorkerCount(). */
  workers?: number;
  /** Worker i serves /metrics on this port + i; absent, workers serve none. */
  workerMetricsBasePort?: number;
};

export type RunningPlatform = {
  url: string;
  databaseUrl: string;
  web: Child;
  workers: WorkerFleet;
  stop: () => Promise<void>;
};

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[interleave] ${line}\n`));
  const postgres = options.databaseUrl
    ? { url: options.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres({
        dataDir: path.join(options.dataDir, "postgres"),
        port: options.dbPort,
        database: "interleave",
      });
  log(options.databaseUrl ? "using DATABASE_URL" : `embedded Postgres on port ${options.dbPort}`);

  const children: Child[] = [];
  let fleet: WorkerFleet | undefined;
  const stop = async () => {
    await Promise.all([...children.map((child) => stopChild(child)), fleet?.stop()]);
    await postgres.stop();
  };

  try {
    const migrated = await prepareDatabase({ databaseUrl: postgres.url, log });
    log(`migrations: ${migrated.applied.length} applied, ${migrated.upToDate.length} already in place`);

    const url = `http://localhost:${options.port}`;
    const env = childEnv({
      DATABASE_URL: postgres.url,
      BETTER_AUTH_SECRET: optionalEnv("BETTER_AUTH_SECRET") ?? loadOrCreateSecret(options.dataDir),
      BETTER_AUTH_URL: optionalEnv("BETTER_AUTH_URL") ?? url,
      PORT: String(options.port),
    });
    setEnv("DATABASE_URL", postgres.url);
    const { syncExercises } = await import("../../lib/exercises/sync-exercises.ts");
    const synced = await syncExercises({});
    log(`exercises synced: ${synced.upserted} current, ${synced.archived} archived`);

    // Rust grading needs the toolchain and prebuilt crates; without them the platform still
    // runs and Rust exercises say why they cannot be graded.
    const { setupRust } = await import("../../grader/runners/rust/toolchain/setup-rust.ts");
    const rust = await setupRust({ log: (line) => log(`rust: ${line}`) });
    log(rust.ok ? "rust track ready" : `rust track unavailable: ${rust.why}`);
    if (rust.ok) {
      const { describeJobLimits } = await import("../../grader/runners/rust/sandbox/job-cgroup.ts");
      const limits = await describeJobLimits();
      log(limits.ok ? `rust: ${limits.line}` : `WARNING rust: ${limits.line}`);
    }

    buildWebIfStale(options.root, env);
    const quiet = options.quietChildren ? () => {} : undefined;
    const node = process.execPath;
    // Our own server around Next (not `next start`): it resolves each request's client IP.
    const web = startChild({
      name: "web",
      command: node,
      args: [
        "--disable-warning=ExperimentalWarning",
        "--import",
        "tsx",
        path.join(options.root, "scripts/web-server.ts"),
      ],
      cwd: options.root,
      env: { ...env, NODE_ENV: "production" },
      log: quiet,
    });
    children.push(web);
    const count = options.workers ?? appEnv.GRADING_WORKERS ?? defaultWorkerCount();
    log(`grading workers: ${count}`);
    fleet = startGradingWorkers({
      root: options.root,
      count,
      env,
      metricsBasePort: options.workerMetricsBasePort,
      log,
      quiet: options.quietChildren,
    });
    const workers = fleet;
    await waitForHttp(url, 120_000, web);
    return { url, databaseUrl: postgres.url, web, workers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

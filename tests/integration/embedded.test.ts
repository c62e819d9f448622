// The embedded Postgres as root: initialises once, reuses a running server, and recovers from
// a postmaster.pid left behind by a killed one (including a pid now used by another process).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded";

const parent = await fs.mkdtemp(path.join(os.tmpdir(), "interleave-embedded-"));
await fs.chmod(parent, 0o755); // the server runs as the `postgres` user and must reach its data dir
const dataDir = path.join(parent, "pg");
const port = 20_000 + Math.floor(Math.random() * 20_000);
const started: RunningPostgres[] = [];
afterAll(async () => {
  for (const server of started.reverse()) await server.stop();
  await fs.rm(parent, { recursive: true, force: true });
});

async function start(): Promise<RunningPostgres> {
  const server = await startEmbeddedPostgres({ dataDir, port, database: "app" });
  started.push(server);
  return server;
}

async function currentDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ db: string }>("SELECT current_database() AS db");
  await client.end();
  return rows[0]?.db ?? "";
}

describe("startEmbeddedPostgres", () => {
  it("initialises a data dir owned by the postgres user and creates the database", async () => {
    const server = await start();
    expect(server.reused).toBe(false);
    expect(server.url).toBe(`postgresql://postgres:postgres@127.0.0.1:${port}/app`);
    expect(await currentDatabase(server.url)).toBe("app");
    if (os.userInfo().uid === 0) expect((await fs.stat(dataDir)).uid).not.toBe(0);
  });

  it("reuses the server already running on the data dir", async () => {
    const again = await start();
    expect(again.reused).toBe(true);
    expect(await currentDatabase(again.url)).toBe("app");
  });

  it("starts over a stale postmaster.pid (dead pid, or a pid another program now has)", async () => {
    const first = started[0];
    if (!first) throw new Error("no server from the first test");
    await first.stop();
    const pidFile = path.join(dataDir, "postmaster.pid");
    for (const pid of [2 ** 22 + 1, process.pid]) {
      await fs.writeFile(pidFile, `${pid}\n${dataDir}\n0\n${port}\n\n127.0.0.1\n0 0\nready\n`);
      const server = await start();
      expect(server.reused).toBe(false);
      expect(await currentDatabase(server.url)).toBe("app");
      await server.stop();
    }
  });
});

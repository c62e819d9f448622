// Reads a data dir's postmaster.pid to tell a running server (reuse it) from a stale file left by
// a killed one (remove it). Postgres itself only checks that the pid exists, and in containers a
// recycled pid then makes it refuse to start ("Is another postmaster running?").
import fs from "node:fs/promises";
import path from "node:path";

export type Postmaster = { pid: number; port: number };

export async function livePostmaster(dataDir: string): Promise<Postmaster | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let text: string;
  try {
    text = await fs.readFile(pidFile, "utf8");
  } catch {
    return null;
  }
  // Line 1: pid, line 2: data dir, line 4: port (see PostgreSQL's miscadmin.h LOCK_FILE_LINE_*).
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && (await isPostgresOn(pid, dataDir))) {
    return { pid, port };
  }
  await fs.rm(pidFile, { force: true });
  return null;
}

async function isPostgresOn(pid: number, dataDir: string): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the server user when we are not root).
    if (!(error instanceof Error && "code" in error && error.code === "EPERM")) return false;
  }
  try {
    const argv = (await fs.readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
    const isPostgres = argv.some((arg) => path.basename(arg) === "postgres");
    return isPostgres && argv.includes(path.resolve(dataDir));
  } catch {
    // No /proc (macOS): a live pid is the best evidence we have.
    return true;
  }
}

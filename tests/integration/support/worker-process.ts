// A real `./interleave worker` process for the fault tests, with a test-only grader
// (grader/test-grader.ts) chosen through its environment, and its JSON log lines collected.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

export type WorkerProcess = {
  child: ChildProcess;
  pid: number;
  /** host/pid, as the worker records itself on the runs it claims. */
  workerId: (hostname: string) => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  /** The JSON lines of its log that parse. */
  logLines: () => Record<string, unknown>[];
};

export function spawnWorker(options: {
  databaseUrl: string;
  grader?: "pass" | "slow-pass" | "hang" | "crash";
  env?: Record<string, string>;
}): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      "--no-node-snapshot",
      "--disable-warning=ExperimentalWarning",
      "--import",
      "tsx",
      path.join(root, "scripts/cli.ts"),
      "worker",
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        NODE_ENV: "test",
        INTERLEAVE_TEST_GRADER: options.grader,
        ...options.env,
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const pid = child.pid ?? -1;
  return {
    child,
    pid,
    workerId: (hostname) => `${hostname}/${pid}`,
    exited,
    stderr: () => stderr,
    logLines: () =>
      stderr.split("\n").flatMap((line) => {
        try {
          const value: unknown = JSON.parse(line);
          return value && typeof value === "object" ? [value as Record<string, unknown>] : [];
        } catch {
          return [];
        }
      }),
  };
}

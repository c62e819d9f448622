// Runs one command (rustc or a student's program) inside bubblewrap (../shared/DESIGN.md, Rust):
// prlimit (rlimits incl. RLIMIT_NPROC as the pids cap) → setpriv (a fresh unprivileged uid,
// no new privileges) → bwrap (every namespace unshared, no network, read-only binds of only
// what is needed, a small tmpfs, a read-only root, cleared environment) → the command. Our own
// wall clock kills the whole process group; output is capped and a flood stops the run.
import { spawn } from "node:child_process";
import { withSandboxUid } from "./sandbox-uid.ts";

export type Mount = { from: string; to: string; writable?: boolean };

export type SandboxLimits = {
  cpuSeconds: number;
  addressSpaceMb: number;
  fileSizeMb: number;
  openFiles: number;
  processes: number;
  tmpfsMb: number;
  wallMs: number;
  /** Bytes of stdout+stderr after which the run is stopped as a flood. */
  outputBytes: number;
};

export type SandboxTools = { bwrap: string; setpriv: string; prlimit: string };

export type SandboxOutcome = {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  timedOut: boolean;
  outputFlooded: boolean;
  stdout: string;
  stderr: string;
  /** What the program wrote on fd 3 (the harness's results channel), capped. */
  results: string;
};

const RESULTS_CAP = 4 * 1024 * 1024;

export function sandboxArgs(options: { tools: SandboxTools; uid: number; argv: string[]; mounts: Mount[]; limits: SandboxLimits; proc: boolean; env: Record<string, string>; cwd: string }): string[] {
  const { tools, uid, limits } = options;
  const mb = (n: number) => String(n * 1024 * 1024);
  const binds = options.mounts.flatMap((m) => [m.writable ? "--bind" : "--ro-bind", m.from, m.to]);
  const env = Object.entries(options.env).flatMap(([k, v]) => ["--setenv", k, v]);
  return [
    `--cpu=${limits.cpuSeconds}`, `--as=${mb(limits.addressSpaceMb)}`, `--fsize=${mb(limits.fileSizeMb)}`,
    `--nofile=${limits.openFiles}`, "--core=0", `--nproc=${limits.processes}`, "--",
    tools.setpriv, `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--no-new-privs", "--",
    tools.bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv",
    "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin",
    "--dev", "/dev", ...(options.proc ? ["--proc", "/proc"] : []),
    "--size", mb(limits.tmpfsMb), "--tmpfs", "/tmp",
    ...binds,
    // bwrap's own root and /dev are unsized tmpfs mounts: left writable, they would take a
    // flood of files into host memory past the /tmp cap. Writes to /dev/null still work.
    "--remount-ro", "/dev", "--remount-ro", "/",
    ...env, "--chdir", options.cwd, "--", ...options.argv,
  ];
}

export async function runSandboxed(options: { tools: SandboxTools; argv: string[]; mounts: Mount[]; limits: SandboxLimits; proc?: boolean; env?: Record<string, string>; cwd?: string; stdin?: string; beforeRun?: (uid: number) => Promise<void> }): Promise<SandboxOutcome> {
  return withSandboxUid(async (uid) => {
    await options.beforeRun?.(uid);
    const args = sandboxArgs({ ...options, uid, proc: options.proc ?? false, env: { PATH: "/usr/bin", HOME: "/tmp", TMPDIR: "/tmp", ...options.env }, cwd: options.cwd ?? "/tmp" });
    return spawnAndWatch({ prlimit: options.tools.prlimit, args, limits: options.limits, stdin: options.stdin ?? "" });
  });
}

function spawnAndWatch(options: { prlimit: string; args: string[]; limits: SandboxLimits; stdin: string }): Promise<SandboxOutcome> {
  const { limits } = options;
  const started = performance.now();
  // detached: the sandbox gets its own process group, so one kill reaches all of it.
  // Nothing of ours reaches the sandbox (bwrap also clears the environment inside).
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production" };
  const child = spawn(options.prlimit, options.args, { detached: true, env, stdio: ["pipe", "pipe", "pipe", "pipe"] });
  let timedOut = false;
  let outputFlooded = false;
  let seen = 0;
  const kill = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  const captured = { stdout: "", stderr: "", results: "" };
  const collect = (name: "stdout" | "stderr") => (chunk: Buffer) => {
    seen += chunk.length;
    if (captured[name].length < limits.outputBytes) captured[name] += chunk.toString("utf8").slice(0, limits.outputBytes - captured[name].length);
    if (seen > limits.outputBytes) {
      outputFlooded = true;
      kill();
    }
  };
  child.stdout.on("data", collect("stdout"));
  child.stderr.on("data", collect("stderr"));
  const resultsPipe = child.stdio[3];
  resultsPipe?.on("data", (chunk: Buffer) => {
    if (captured.results.length < RESULTS_CAP) captured.results += chunk.toString("utf8");
  });
  resultsPipe?.on("error", () => {});
  child.stdin.on("error", () => {});
  child.stdin.end(options.stdin);
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, limits.wallMs);
  return new Promise((resolve) => {
    child.on("error", (error) => {
      captured.stderr += `\n${error.message}`;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      kill();
      resolve({ code, signal, wallMs: performance.now() - started, timedOut, outputFlooded, ...captured });
    });
  });
}

// Runs one command (rustc or a student's program) inside bubblewrap (../shared/DESIGN.md, Rust):
// a job cgroup (memory, processes and CPU of the whole job, joined before anything runs; see
// job-cgroup.ts) → prlimit (per-process rlimits, incl. RLIMIT_NPROC per uid: the only caps
// where no cgroup can be made) → setpriv (a fresh unprivileged uid, no new privileges) → bwrap
// (every namespace unshared, no network, read-only binds of only what is needed, a small
// tmpfs, a read-only root, cleared environment, a seccomp filter denying cross-process access
// and new namespaces: seccomp-filter.c) → the command. The job's CPU total and its elapsed time
// less the time it waited for a core (so a crowded machine cannot end a job early) kill the
// whole job, a plain wall clock far beyond that backs them up; output is capped and a flood
// stops the run.
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { createJobCgroup, type GroupUsage, type JobCgroup } from "./job-cgroup.ts";
import { withSandboxUid } from "./sandbox-uid.ts";

export type Mount = { from: string; to: string; writable?: boolean };

export type SandboxLimits = {
  /** CPU seconds of the whole job (all threads and processes together), and of any one process. */
  cpuSeconds: number;
  /** Memory of the whole job (resident pages, its tmpfs files included). */
  memoryMb: number;
  /** Per process: a second line of defence, and the only memory cap where no cgroup exists. */
  addressSpaceMb: number;
  fileSizeMb: number;
  openFiles: number;
  /** Processes and threads of the whole job (cgroup) and of the sandbox uid (RLIMIT_NPROC). */
  processes: number;
  tmpfsMb: number;
  /**
   * Time the job may take, not counting time it spent ready to run but waiting for a core
   * (the job cgroup's CPU pressure, or its threads' run delay): on a crowded machine the job
   * gets this much time to run, on a quiet one it is plain wall time. A job that sleeps or
   * waits for ever (a deadlock) waits for no core, so it is stopped after this long either
   * way. Plain wall time where no job cgroup exists.
   */
  wallMs: number;
  /** Plain wall time after which the job is stopped whatever it waited for (default 3 × wallMs). */
  safetyWallMs?: number;
  /** Bytes of stdout+stderr after which the run is stopped as a flood. */
  outputBytes: number;
};

/** `seccomp`: the BPF program seccomp-filter.c wrote at setup. */
export type SandboxTools = { bwrap: string; setpriv: string; prlimit: string; seccomp: string };

/**
 * What of the host the sandbox sees besides the binds: "usr" is the host's /usr read-only (the
 * compiler and linker need it); a list is only those files, at the same paths (a student's
 * program needs its shared libraries and nothing else: no shell, no interpreter to start).
 */
export type SystemView = "usr" | readonly Mount[];

/** The whole job as the kernel counted it (null where no job cgroup could be made). */
export type JobUsage = GroupUsage & { cpuLimitHit: boolean };

export type SandboxOutcome = {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  /** `wallMs` less the time the job waited for a core: what `limits.wallMs` bounds. */
  activeMs: number;
  timedOut: boolean;
  outputFlooded: boolean;
  stdout: string;
  stderr: string;
  /** What the program wrote on fd 3 (the harness's results channel), capped. */
  results: string;
  job: JobUsage | null;
};

const RESULTS_CAP = 4 * 1024 * 1024;
/** The descriptor bwrap reads the seccomp program from. */
const SECCOMP_FD = 4;
const CPU_POLL_MS = 50;

/** Joins every cgroup.procs file given (count first, then the files), then execs the rest. */
const JOIN_CGROUP =
  'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; shift; n=$((n - 1)); done; exec "$@"';

export function sandboxArgs(options: {
  tools: SandboxTools;
  uid: number;
  argv: string[];
  mounts: Mount[];
  system: SystemView;
  limits: SandboxLimits;
  proc: boolean;
  env: Record<string, string>;
  cwd: string;
}): string[] {
  const { tools, uid, limits } = options;
  const mb = (n: number) => String(n * 1024 * 1024);
  const binds = options.mounts.flatMap((m) => [m.writable ? "--bind" : "--ro-bind", m.from, m.to]);
  const env = Object.entries(options.env).flatMap(([k, v]) => ["--setenv", k, v]);
  const system =
    options.system === "usr"
      ? ["--ro-bind", "/usr", "/usr"]
      : options.system.flatMap((m) => ["--ro-bind", m.from, m.to]);
  return [
    `--cpu=${Math.ceil(limits.cpuSeconds) + 1}`,
    `--as=${mb(limits.addressSpaceMb)}`,
    `--fsize=${mb(limits.fileSizeMb)}`,
    `--nofile=${limits.openFiles}`,
    "--core=0",
    `--nproc=${limits.processes}`,
    "--",
    tools.setpriv,
    `--reuid=${uid}`,
    `--regid=${uid}`,
    "--clear-groups",
    "--no-new-privs",
    "--",
    tools.bwrap,
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--cap-drop",
    "ALL",
    "--clearenv",
    "--seccomp",
    String(SECCOMP_FD),
    ...system,
    "--symlink",
    "usr/lib",
    "/lib",
    "--symlink",
    "usr/lib64",
    "/lib64",
    "--symlink",
    "usr/bin",
    "/bin",
    "--dev",
    "/dev",
    ...(options.proc ? ["--proc", "/proc"] : []),
    "--size",
    mb(limits.tmpfsMb),
    "--tmpfs",
    "/tmp",
    ...binds,
    // bwrap's own root and /dev are unsized tmpfs mounts: left writable, they would take a
    // flood of files into host memory past the /tmp cap. Writes to /dev/null still work.
    "--remount-ro",
    "/dev",
    "--remount-ro",
    "/",
    ...env,
    "--chdir",
    options.cwd,
    "--",
    ...options.argv,
  ];
}

/**
 * `cpuList`: run on these CPUs only (taskset syntax, e.g. "0" or "0,1"); tests of CPU-count
 * independence. `pressureAt`: where in the sandbox the job's own cpu.pressure file appears,
 * read-only (the harness's in-process clocks leave out time the job waited for a core); not
 * there where the kernel keeps none.
 */
export async function runSandboxed(options: {
  tools: SandboxTools;
  argv: string[];
  mounts: Mount[];
  system: SystemView;
  limits: SandboxLimits;
  proc?: boolean;
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  cpuList?: string;
  pressureAt?: string;
  beforeRun?: (uid: number) => Promise<void>;
}): Promise<SandboxOutcome> {
  return withSandboxUid(async (uid) => {
    await options.beforeRun?.(uid);
    const { limits } = options;
    const group = await createJobCgroup({ memoryBytes: limits.memoryMb * 2 ** 20, pids: limits.processes });
    const pressure =
      group?.pressureFile && options.pressureAt ? [{ from: group.pressureFile, to: options.pressureAt }] : [];
    const boxed = sandboxArgs({
      ...options,
      mounts: [...options.mounts, ...pressure],
      uid,
      proc: options.proc ?? false,
      env: { PATH: "/usr/bin", HOME: "/tmp", TMPDIR: "/tmp", ...options.env },
      cwd: options.cwd ?? "/tmp",
    });
    const args = options.cpuList ? ["--cpu-list", options.cpuList, options.tools.prlimit, ...boxed] : boxed;
    const first = options.cpuList ? "/usr/bin/taskset" : options.tools.prlimit;
    try {
      return await spawnAndWatch({
        command: first,
        seccomp: options.tools.seccomp,
        args,
        limits,
        stdin: options.stdin ?? "",
        group,
      });
    } finally {
      await group?.remove();
    }
  });
}

function spawnAndWatch(options: {
  command: string;
  seccomp: string;
  args: string[];
  limits: SandboxLimits;
  stdin: string;
  group: JobCgroup | null;
}): Promise<SandboxOutcome> {
  const { limits, group } = options;
  const started = performance.now();
  // detached: the sandbox gets its own process group, so one kill reaches all of it.
  // Nothing of ours reaches the sandbox (bwrap also clears the environment inside).
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production" };
  const [command, args] = group
    ? [
        "/bin/sh",
        [
          "-c",
          JOIN_CGROUP,
          "sh",
          String(group.procsFiles.length),
          ...group.procsFiles,
          options.command,
          ...options.args,
        ],
      ]
    : [options.command, options.args];
  const filter = openSync(options.seccomp, "r");
  const stdio: ("pipe" | number)[] = ["pipe", "pipe", "pipe", "pipe"];
  stdio[SECCOMP_FD] = filter;
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(command, args, { detached: true, env, stdio });
  } finally {
    closeSync(filter);
  }
  let timedOut = false;
  let outputFlooded = false;
  let cpuLimitHit = false;
  let seen = 0;
  let stallMs = 0;
  const activeMs = () => Math.max(0, performance.now() - started - stallMs);
  const kill = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    void group?.killAll();
  };
  // The job's CPU across all its threads and processes, as the kernel counts it: time spent
  // waiting for a core is not in it, so a crowded machine cannot use up a student's budget.
  // Its elapsed time likewise leaves out the time it was ready to run but had no core.
  // A process the OOM killer took ends the whole job too: what is left would only wait for it.
  const cpuWatch = group
    ? setInterval(() => {
        void group.usage().then((u) => {
          stallMs = Math.max(stallMs, u.stallMs);
          if (u.cpuMs > limits.cpuSeconds * 1000 && !cpuLimitHit) {
            cpuLimitHit = true;
            kill();
          }
          if (u.oomKills > 0) kill();
          if (activeMs() > limits.wallMs && !timedOut) {
            timedOut = true;
            kill();
          }
        });
      }, CPU_POLL_MS)
    : null;
  const captured = { stdout: "", stderr: "", results: "" };
  const collect = (name: "stdout" | "stderr") => (chunk: Buffer) => {
    seen += chunk.length;
    if (captured[name].length < limits.outputBytes)
      captured[name] += chunk.toString("utf8").slice(0, limits.outputBytes - captured[name].length);
    if (seen > limits.outputBytes) {
      outputFlooded = true;
      kill();
    }
  };
  child.stdout?.on("data", collect("stdout"));
  child.stderr?.on("data", collect("stderr"));
  const resultsPipe = child.stdio[3];
  resultsPipe?.on("data", (chunk: Buffer) => {
    if (captured.results.length < RESULTS_CAP) captured.results += chunk.toString("utf8");
  });
  resultsPipe?.on("error", () => {});
  child.stdin?.on("error", () => {});
  child.stdin?.end(options.stdin);
  // Without a job cgroup, plain wall time; with one, only the distant safety net.
  const timer = setTimeout(
    () => {
      timedOut = true;
      kill();
    },
    group ? (limits.safetyWallMs ?? limits.wallMs * 3) : limits.wallMs,
  );
  return new Promise((resolve) => {
    child.on("error", (error) => {
      captured.stderr += `\n${error.message}`;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (cpuWatch) clearInterval(cpuWatch);
      const wallMs = performance.now() - started;
      kill();
      void (async () => {
        const usage = group ? await group.usage() : null;
        const job = usage ? { ...usage, cpuLimitHit: cpuLimitHit || usage.cpuMs > limits.cpuSeconds * 1000 } : null;
        if (usage) stallMs = Math.min(wallMs, Math.max(stallMs, usage.stallMs));
        resolve({
          code,
          signal,
          wallMs,
          activeMs: Math.max(0, wallMs - stallMs),
          timedOut,
          outputFlooded,
          ...captured,
          job,
        });
      })();
    });
  });
}

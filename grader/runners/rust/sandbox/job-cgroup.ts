// One cgroup per sandboxed job (a compile or a run), so memory, processes and CPU are bounded
// for the whole job — every thread and every process it starts — not per process: outside
// testers held 3.4 GB with four children under a 1 GiB-per-process cap, and spent 19.8 CPU-s
// with eight busy children under a 3 s one. The job joins its cgroup before anything of it
// runs (a wrapper writes its own pid to cgroup.procs, then execs the sandbox), so nothing it
// forks can start outside.
//
// cgroup v1 (this machine: memory, pids, cpuacct mounted separately) and v2 (one unified tree)
// are both supported. Job cgroups are created under the cgroup this process already sits in
// (/proc/self/cgroup). Where none can be created, the caller keeps per-process rlimits only and
// says so (`cgroupSupport`).
//
// The job's time waiting for a core (`stallMs`) lets the caller stop it by how long it ran, not
// by how crowded the machine was: the kernel's CPU pressure of the job's cgroup (v2, and under
// v1 a controller-less cgroup in the unified tree the job joins as well), or, where the kernel
// has no pressure accounting, the run delay of each of the job's threads (/proc/<tid>/schedstat).
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";

const ROOT = "/sys/fs/cgroup";

export type GroupLimits = { memoryBytes: number; pids: number };

/** What the kernel counted for the whole job. */
export type GroupUsage = {
  cpuMs: number;
  memoryPeakBytes: number;
  /** Processes the kernel's OOM killer ended because the job reached its memory limit. */
  oomKills: number;
  /** fork/clone calls refused because the job reached its process/thread limit. */
  pidsRefused: number;
  /**
   * Wall time during which some thread of the job was ready to run but waited for a core (the
   * cgroup's cpu.pressure "some" total), or the run delay of its threads added up where that
   * is not kept. Never more than the truth of the crowding it stands for: a job's own threads
   * outnumbering the cores count too, but then its CPU time grows and bounds it.
   */
  stallMs: number;
};

type Layout =
  { kind: "v1"; memory: string; pids: string; cpuacct: string; pressure: string | null } | { kind: "v2"; base: string };

export type CgroupSupport = { ok: true; kind: "v1" | "v2"; base: string } | { ok: false; why: string };

let detected: Promise<{ layout: Layout | null; why: string }> | null = null;
let sequence = 0;

/** Whether job cgroups can be made here, and where (or why not). */
export async function cgroupSupport(): Promise<CgroupSupport> {
  const { layout, why } = await detectLayout();
  if (!layout) return { ok: false, why };
  return { ok: true, kind: layout.kind, base: layout.kind === "v1" ? layout.memory : layout.base };
}

/** One line for setup, start and test output: how a job's limits are enforced here. */
export async function describeJobLimits(): Promise<{ ok: boolean; line: string }> {
  const support = await cgroupSupport();
  return support.ok
    ? {
        ok: true,
        line: `job limits (memory, processes, CPU of the whole job) through cgroup ${support.kind} at ${support.base}`,
      }
    : {
        ok: false,
        line: `no job cgroup can be made here (${support.why}): each sandboxed process keeps its own rlimits, but a job's processes together are not bounded`,
      };
}

function detectLayout(): Promise<{ layout: Layout | null; why: string }> {
  detected ??= (async () => {
    try {
      const own = parseProcCgroup(await readFile("/proc/self/cgroup", "utf8"));
      const layout: Layout = existsSync(path.join(ROOT, "cgroup.controllers"))
        ? await prepareV2(own)
        : await prepareV1(own);
      return { layout, why: "" };
    } catch (error) {
      return { layout: null, why: error instanceof Error ? error.message : String(error) };
    }
  })();
  return detected;
}

/** controller (or "" for the v2 tree) → this process's cgroup path. */
export function parseProcCgroup(text: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!match) continue;
    for (const controller of (match[1] ?? "").split(",")) paths.set(controller, match[2] ?? "/");
  }
  return paths;
}

/** Our own cgroup in a controller's hierarchy: the mount itself when a cgroup namespace hides the path. */
function ownDir(mount: string, own: string | undefined): string {
  const full = path.join(mount, own ?? "/");
  return existsSync(full) ? full : mount;
}

async function prepareV1(own: Map<string, string>): Promise<Layout> {
  const dirs: Record<"memory" | "pids" | "cpuacct", string> = { memory: "", pids: "", cpuacct: "" };
  for (const controller of ["memory", "pids", "cpuacct"] as const) {
    const mount = [path.join(ROOT, controller), path.join(ROOT, "cpu,cpuacct")].find((m) =>
      existsSync(path.join(m, controller === "cpuacct" ? "cpuacct.usage" : "cgroup.procs")),
    );
    if (!mount) throw new Error(`cgroup v1 has no ${controller} controller mounted under ${ROOT}`);
    const base = path.join(ownDir(mount, own.get(controller)), "interleave-jobs");
    await mkdir(base, { recursive: true });
    await removeOrphans(base);
    dirs[controller] = base;
  }
  if (!existsSync(path.join(dirs.memory, "memory.limit_in_bytes")))
    throw new Error("the memory cgroup has no memory.limit_in_bytes");
  return { kind: "v1", ...dirs, pressure: await prepareUnifiedPressure(own) };
}

/**
 * Under v1, the unified (v2) tree mounted next to it with no controllers still keeps each
 * cgroup's CPU pressure: a job that joins a cgroup there too can be asked how long it waited
 * for a core. Null where there is no such tree or no pressure accounting.
 */
async function prepareUnifiedPressure(own: Map<string, string>): Promise<string | null> {
  const mount = path.join(ROOT, "unified");
  try {
    if (!existsSync(path.join(mount, "cgroup.procs"))) return null;
    const base = path.join(ownDir(mount, own.get("")), "interleave-jobs");
    await mkdir(base, { recursive: true });
    if (!existsSync(path.join(base, "cpu.pressure"))) return null;
    await removeOrphans(base);
    return base;
  } catch {
    return null;
  }
}

/** Job cgroups a grading process left behind when it died (their processes are gone with it). */
async function removeOrphans(base: string): Promise<void> {
  for (const name of await readdir(base).catch(() => [] as string[])) {
    const pid = /^job-(\d+)-\d+$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) await removeDirs([path.join(base, name)], path.join(base, name, "cgroup.procs"));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

async function prepareV2(own: Map<string, string>): Promise<Layout> {
  // v2 lets a cgroup hand controllers to children only while it holds no process itself; our
  // own cgroup holds us, so the jobs' parent must be a cgroup next to it that we may write.
  const mine = ownDir(ROOT, own.get(""));
  const parent = path.dirname(mine);
  const controllers = (await readFile(path.join(parent, "cgroup.controllers"), "utf8")).split(/\s+/);
  for (const c of ["memory", "pids", "cpu"])
    if (!controllers.includes(c)) throw new Error(`cgroup v2 at ${parent} does not offer the ${c} controller`);
  await writeFile(path.join(parent, "cgroup.subtree_control"), "+memory +pids +cpu");
  const base = path.join(parent, `interleave-jobs-${process.pid}`);
  await mkdir(base, { recursive: true });
  await writeFile(path.join(base, "cgroup.subtree_control"), "+memory +pids +cpu");
  await removeOrphans(base);
  return { kind: "v2", base };
}

export type JobCgroup = {
  /** The cgroup.procs files the job's first process writes its pid to before it execs. */
  procsFiles: string[];
  /** The job's own cpu.pressure file (how long it waited for a core), where the kernel keeps one. */
  pressureFile: string | null;
  usage(): Promise<GroupUsage>;
  /** SIGKILL to every process still in the job. */
  killAll(): Promise<void>;
  /** Kills what is left and removes the cgroup. */
  remove(): Promise<void>;
};

/** A fresh cgroup for one job, or null where job cgroups are not supported here. */
export async function createJobCgroup(limits: GroupLimits): Promise<JobCgroup | null> {
  const { layout } = await detectLayout();
  if (!layout) return null;
  const name = `job-${process.pid}-${++sequence}`;
  return layout.kind === "v1" ? createV1(layout, name, limits) : createV2(layout.base, name, limits);
}

async function createV1(
  layout: Extract<Layout, { kind: "v1" }>,
  name: string,
  limits: GroupLimits,
): Promise<JobCgroup> {
  const memory = path.join(layout.memory, name);
  const pids = path.join(layout.pids, name);
  const cpu = path.join(layout.cpuacct, name);
  for (const dir of [memory, pids, cpu]) await mkdir(dir);
  const pressure = layout.pressure ? path.join(layout.pressure, name) : null;
  const joined = pressure
    ? await mkdir(pressure).then(
        () => true,
        () => false,
      )
    : false;
  await writeFile(path.join(memory, "memory.limit_in_bytes"), String(limits.memoryBytes));
  // Swap would let the job hold more than its limit; memsw exists only where swap is accounted.
  await writeFile(path.join(memory, "memory.memsw.limit_in_bytes"), String(limits.memoryBytes)).catch(() => {});
  await writeFile(path.join(pids, "pids.max"), String(limits.pids));
  const dirs = [memory, pids, cpu, ...(joined && pressure ? [pressure] : [])];
  const pressureFile = joined && pressure ? path.join(pressure, "cpu.pressure") : null;
  const stall = stallMeter(pressureFile, path.join(memory, "tasks"));
  return {
    procsFiles: dirs.map((d) => path.join(d, "cgroup.procs")),
    pressureFile,
    usage: async () => ({
      stallMs: await stall(),
      cpuMs: Number(await readFile(path.join(cpu, "cpuacct.usage"), "utf8").catch(() => "0")) / 1e6,
      memoryPeakBytes: Number(await readFile(path.join(memory, "memory.max_usage_in_bytes"), "utf8").catch(() => "0")),
      oomKills: keyed(await readFile(path.join(memory, "memory.oom_control"), "utf8").catch(() => ""), "oom_kill"),
      pidsRefused: keyed(await readFile(path.join(pids, "pids.events"), "utf8").catch(() => ""), "max"),
    }),
    killAll: () => killAllIn(path.join(memory, "cgroup.procs")),
    remove: () => removeDirs(dirs, path.join(memory, "cgroup.procs")),
  };
}

async function createV2(base: string, name: string, limits: GroupLimits): Promise<JobCgroup> {
  const dir = path.join(base, name);
  await mkdir(dir);
  await writeFile(path.join(dir, "memory.max"), String(limits.memoryBytes));
  await writeFile(path.join(dir, "memory.swap.max"), "0").catch(() => {});
  await writeFile(path.join(dir, "pids.max"), String(limits.pids));
  const procs = path.join(dir, "cgroup.procs");
  const pressureFile = existsSync(path.join(dir, "cpu.pressure")) ? path.join(dir, "cpu.pressure") : null;
  const stall = stallMeter(pressureFile, path.join(dir, "cgroup.threads"));
  return {
    procsFiles: [procs],
    pressureFile,
    usage: async () => ({
      stallMs: await stall(),
      cpuMs: keyed(await readFile(path.join(dir, "cpu.stat"), "utf8").catch(() => ""), "usage_usec") / 1000,
      memoryPeakBytes: Number(await readFile(path.join(dir, "memory.peak"), "utf8").catch(() => "0")),
      oomKills: keyed(await readFile(path.join(dir, "memory.events"), "utf8").catch(() => ""), "oom_kill"),
      pidsRefused: keyed(await readFile(path.join(dir, "pids.events"), "utf8").catch(() => ""), "max"),
    }),
    killAll: async () => {
      // cgroup.kill (Linux 5.14) ends the whole group at once, forks in flight included.
      await writeFile(path.join(dir, "cgroup.kill"), "1").catch(() => killAllIn(procs));
    },
    remove: () => removeDirs([dir], procs),
  };
}

/**
 * The job's time waiting for a core so far, in ms: the cgroup's cpu.pressure "some" total when
 * there is one; else the run delay (field 2 of /proc/<tid>/schedstat, ns) of every thread the
 * job has had, each at the most it was seen at (a thread that ended keeps its last reading).
 */
function stallMeter(pressureFile: string | null, threadsFile: string): () => Promise<number> {
  if (pressureFile) return async () => pressureSomeTotalUs(await readFile(pressureFile, "utf8").catch(() => "")) / 1000;
  const seen = new Map<number, number>();
  return async () => {
    for (const tid of await pidsIn(threadsFile)) {
      const delay = runDelayNs(await readFile(`/proc/${tid}/schedstat`, "utf8").catch(() => ""));
      if (delay > (seen.get(tid) ?? 0)) seen.set(tid, delay);
    }
    let total = 0;
    for (const ns of seen.values()) total += ns;
    return total / 1e6;
  };
}

/** The "some" line's total= (µs) of a cgroup's cpu.pressure file (0 when absent). */
export function pressureSomeTotalUs(text: string): number {
  const match = /^some .*\btotal=(\d+)/m.exec(text);
  return match ? Number(match[1]) : 0;
}

/** Field 2 of /proc/<tid>/schedstat: ns the thread spent ready to run, waiting for a core. */
export function runDelayNs(text: string): number {
  const fields = text.trim().split(/\s+/);
  return fields.length >= 2 ? Number(fields[1]) || 0 : 0;
}

/** The number after `key` in a flat "key value" file (0 when absent). */
export function keyed(text: string, key: string): number {
  const match = new RegExp(`^${key} (\\d+)$`, "m").exec(text);
  return match ? Number(match[1]) : 0;
}

async function pidsIn(procs: string): Promise<number[]> {
  const text = await readFile(procs, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((l) => /^\d+$/.test(l))
    .map(Number);
}

async function killAllIn(procs: string): Promise<void> {
  // A fork can land between reading the list and the kill: go round until the list is empty.
  for (let round = 0; round < 50; round++) {
    const pids = await pidsIn(procs);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function removeDirs(dirs: string[], procs: string): Promise<void> {
  await killAllIn(procs);
  for (const dir of dirs) {
    // rmdir fails while the kernel still tears down the last killed process: retry briefly.
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        await rmdir(dir);
        break;
      } catch (error) {
        if (error instanceof Error && "code" in error && error.code === "ENOENT") break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
}

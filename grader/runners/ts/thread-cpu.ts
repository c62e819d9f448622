// True CPU time of the threads that run student code, from /proc/self/task/<tid>/schedstat (ns
// on a CPU, not counting time spent runnable but waiting for one). isolated-vm's `cpuTime`
// counts that waiting too, so on a crowded machine it read 7 s for 2.5 s of real CPU; the
// kernel's figure cannot stretch that way. Budgets and work spread are taken from here.
//
// Which threads: isolated-vm runs every isolate task on threads it starts itself, and they
// inherit the name of Node's main thread ("MainThread"). Node's main thread (tid = pid) runs
// only the host side (every isolate call is an async `apply`); V8's platform threads
// ("V8Worker": GC and compiler jobs, of the host heap as well), libuv's and the inspector's are
// named, and are left out: their CPU is no isolate's work.
import { readdirSync, readFileSync } from "node:fs";

export type ThreadCpuSnapshot = Map<string, number>;

/** Threads that never run an isolate's code, by the name Node and V8 give them. */
const HELPER_THREAD = /^(V8Worker|DelayedTaskSche|SignalInspector|libuv-worker|inspector)/;

function readNs(tid: string): number | null {
  try {
    const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    return Number.isFinite(ns) ? ns : null;
  } catch {
    // The thread ended between listing and reading.
    return null;
  }
}

function isHelper(tid: string, names: Map<string, boolean>): boolean {
  let helper = names.get(tid);
  if (helper === undefined) {
    try {
      helper = HELPER_THREAD.test(readFileSync(`/proc/self/task/${tid}/comm`, "utf8"));
    } catch {
      helper = false;
    }
    names.set(tid, helper);
  }
  return helper;
}

export type ProcessThreads = {
  /** CPU ns of each thread that may run isolates. */
  threads: ThreadCpuSnapshot;
  /** Summed CPU ns of the helper threads, and of Node's main thread (null where unreadable). */
  helperNs: number;
  mainNs: number | null;
};

/** CPU ns now of each thread that may run isolates, with helpers and Node's main thread apart. */
export function snapshotThreadCpu(names: Map<string, boolean> = new Map()): ProcessThreads {
  const threads: ThreadCpuSnapshot = new Map();
  let helperNs = 0;
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return { threads, helperNs, mainNs: null };
  }
  const main = String(process.pid);
  for (const tid of tids) {
    if (tid === main) continue;
    const ns = readNs(tid);
    if (ns === null) continue;
    if (isHelper(tid, names)) helperNs += ns;
    else threads.set(tid, ns);
  }
  return { threads, helperNs, mainNs: readNs(main) };
}

/** CPU ms each thread spent between two snapshots (threads that used under 0.05 ms left out). */
export function threadCpuBetween(before: ThreadCpuSnapshot, after: ThreadCpuSnapshot): number[] {
  const deltas: number[] = [];
  for (const [tid, ns] of after) {
    const ms = (ns - (before.get(tid) ?? 0)) / 1e6;
    if (ms >= 0.05) deltas.push(ms);
  }
  return deltas;
}

/** CPU that vanished with ended threads counts once it is at least this much, and this share. */
const UNSEEN_MIN_MS = 10;
const UNSEEN_MIN_SHARE = 0.05;

/**
 * Per-thread CPU of a call, busiest first, with the CPU of threads that ended between samples
 * (the call's total minus what the samples saw) as one more entry when it is not noise.
 */
export function perThreadWithUnseen(seenMs: readonly number[], totalMs: number): number[] {
  const seen = seenMs.reduce((a, b) => a + b, 0);
  const unseen = totalMs - seen;
  const all = unseen >= UNSEEN_MIN_MS && unseen >= totalMs * UNSEEN_MIN_SHARE ? [...seenMs, unseen] : [...seenMs];
  return all.sort((a, b) => b - a);
}

const processCpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * The CPU the student's threads used during one call, sampled while it runs. Sampling matters
 * because threads end mid-call: when its pool (cores + 1 threads) is busy, isolated-vm runs a
 * task on a throwaway thread that exits with it, so a worker's whole run could vanish from a
 * before/after pair of snapshots. The total therefore comes from the process's own CPU count
 * (which keeps ended threads' time) minus Node's main thread and the helper threads; where
 * /proc cannot be read it is the whole process's CPU, still never time spent waiting.
 */
export class ThreadCpuMeter {
  private readonly names = new Map<string, boolean>();
  private readonly before = snapshotThreadCpu(this.names);
  private readonly latest: ThreadCpuSnapshot = new Map(this.before.threads);
  private helperNs = this.before.helperNs;
  private readonly processBefore = process.cpuUsage();
  private readonly mainBefore = readNs(String(process.pid));

  /** /proc could be read: the figures are per thread, not the whole process's. */
  get readable(): boolean {
    return this.before.mainNs !== null;
  }

  sample(): void {
    const now = snapshotThreadCpu(this.names);
    for (const [tid, ns] of now.threads) this.latest.set(tid, Math.max(ns, this.latest.get(tid) ?? 0));
    this.helperNs = Math.max(this.helperNs, now.helperNs);
  }

  /** All threads' CPU now, for bounding one stretch of work (see EventLoop.slice). */
  snapshot(): ProcessThreads {
    return snapshotThreadCpu(this.names);
  }

  /** CPU ms the student's threads used since the meter started (helpers as of the last sample). */
  usedMs(): number {
    const total = processCpuMs(this.processBefore);
    const mainNow = readNs(String(process.pid));
    if (this.mainBefore === null || mainNow === null) return total;
    return Math.max(total - (mainNow - this.mainBefore) / 1e6 - (this.helperNs - this.before.helperNs) / 1e6, 0);
  }

  /** The call's CPU ms in total, and per thread (busiest first; empty where /proc is not readable). */
  finish(): { totalMs: number; perThreadMs: number[] } {
    this.sample();
    const totalMs = this.usedMs();
    if (!this.readable) return { totalMs, perThreadMs: [] };
    return { totalMs, perThreadMs: perThreadWithUnseen(threadCpuBetween(this.before.threads, this.latest), totalMs) };
  }
}

/**
 * An upper bound of the CPU ms that ONE task used between two snapshots: an isolate's task runs
 * on one thread from start to end, so it used at most what the busiest thread gained — or, if
 * its thread ended before the second snapshot (a throwaway thread), at most the CPU that
 * vanished with ended threads: the process's CPU over the stretch minus every thread still seen.
 */
export function oneTaskBoundMs(before: ProcessThreads, after: ProcessThreads, processMs: number): number {
  let most = 0;
  let seen = 0;
  for (const [tid, ns] of after.threads) {
    const gained = (ns - (before.threads.get(tid) ?? 0)) / 1e6;
    most = Math.max(most, gained);
    seen += Math.max(gained, 0);
  }
  if (before.mainNs === null || after.mainNs === null) return processMs;
  const vanished = processMs - (after.mainNs - before.mainNs) / 1e6 - (after.helperNs - before.helperNs) / 1e6 - seen;
  return Math.min(Math.max(most, vanished), processMs);
}

// True CPU time per OS thread of this process, from /proc/self/task/<tid>/schedstat (ns on a
// CPU, not counting time spent runnable but waiting for one). isolated-vm's `cpuTime` counts
// that waiting too (see run-call.ts), so on a crowded machine one isolate's figure can be
// stretched several times more than another's; the kernel's per-thread figure cannot. Isolates
// run on isolated-vm's pool threads, so the split of a call's CPU time across threads is the
// split of the student's work across workers, whatever else the machine is doing.
import { readdirSync, readFileSync } from "node:fs";

export type ThreadCpuSnapshot = Map<string, number>;

/**
 * CPU ns per thread id now; empty where /proc is not readable (the caller falls back). Node's
 * own main thread (tid = pid) is left out: it runs the host side (the event loop, watchdog,
 * creating workers' isolates), never student code — every isolate call is an async `apply`,
 * which isolated-vm runs on its pool threads.
 */
export function snapshotThreadCpu(): ThreadCpuSnapshot {
  const snapshot: ThreadCpuSnapshot = new Map();
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return snapshot;
  }
  for (const tid of tids) {
    if (tid === String(process.pid)) continue;
    try {
      const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      if (Number.isFinite(ns)) snapshot.set(tid, ns);
    } catch {
      // The thread ended between listing and reading: it did its work before `before`, or its
      // time is lost with it; either way it is not one of the call's running workers.
    }
  }
  return snapshot;
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

/** Total CPU ÷ the busiest thread's: ≈1 when one thread did the work, ≈k for k balanced threads. */
export function spreadOf(cpuMsPerThread: readonly number[]): number | null {
  const busiest = Math.max(0, ...cpuMsPerThread);
  if (busiest <= 0) return null;
  return cpuMsPerThread.reduce((a, b) => a + b, 0) / busiest;
}

/** CPU ns of Node's main thread (left out of the snapshots), or null where unreadable. */
function mainThreadNs(): number | null {
  try {
    const ns = Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]);
    return Number.isFinite(ns) ? ns : null;
  } catch {
    return null;
  }
}

/** CPU that vanished with ended threads counts once it is at least this much, and this share. */
const UNSEEN_MIN_MS = 10;
const UNSEEN_MIN_SHARE = 0.05;

/**
 * The CPU each thread used during one call, sampled while it runs. Sampling matters because
 * threads end mid-call: when its pool (cores + 1 threads) is busy, isolated-vm runs a task on a
 * throwaway thread that exits with it, so a worker's whole run could vanish from a before/after
 * pair of snapshots — seen as a one-worker solution reading spread 2.42 (2 grades in 150).
 * Each thread keeps the last value seen; what ended between samples is recovered from the
 * process's own CPU total (which keeps ended threads' time) and reported as one more entry.
 */
export class ThreadCpuMeter {
  private readonly before = snapshotThreadCpu();
  private readonly latest: ThreadCpuSnapshot = new Map(this.before);
  private readonly processBefore = process.cpuUsage();
  private readonly mainBefore = mainThreadNs();

  sample(): void {
    for (const [tid, ns] of snapshotThreadCpu()) this.latest.set(tid, Math.max(ns, this.latest.get(tid) ?? 0));
  }

  /** CPU ms per thread, busiest first; empty where /proc is not readable. */
  finish(): number[] {
    this.sample();
    if (this.before.size === 0) return [];
    const deltas = threadCpuBetween(this.before, this.latest);
    const used = process.cpuUsage(this.processBefore);
    const mainAfter = mainThreadNs();
    if (this.mainBefore !== null && mainAfter !== null) {
      let seenNs = 0;
      for (const [tid, ns] of this.latest) seenNs += ns - (this.before.get(tid) ?? 0);
      const unseenMs = (used.user + used.system) / 1000 - (mainAfter - this.mainBefore) / 1e6 - seenNs / 1e6;
      const totalMs = deltas.reduce((a, b) => a + b, 0) + unseenMs;
      if (unseenMs >= UNSEEN_MIN_MS && unseenMs >= totalMs * UNSEEN_MIN_SHARE) deltas.push(unseenMs);
    }
    return deltas.sort((a, b) => b - a);
  }
}

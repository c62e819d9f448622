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

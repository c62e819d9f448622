// A clock for time limits that stands still while the grading process waits for a core.
// Wall time charged a submission for the machine's load: under two busy cores a Map-building
// program that ends in memory_limit on a quiet machine read "still running after 3000 ms" with
// ~600 ms of CPU. The kernel counts, per thread, the ns it spent runnable but waiting on a
// runqueue (field 2 of /proc/self/task/<tid>/schedstat, "run_delay"). Wall elapsed minus the
// largest growth of run_delay among the process's threads advances like CPU for a busy loop,
// like wall for code asleep (Atomics.wait, a promise nobody resolves), and not at all while
// every thread that wants to run is kept waiting. Where /proc cannot be read it is wall time.
import { readdirSync, readFileSync } from "node:fs";

export type SchedReader = {
  /** Thread ids of this process now, or null when they cannot be listed. */
  threads(): string[] | null;
  /** ns the thread has spent runnable but waiting for a core, or null (it ended, or no schedstat). */
  runDelayNs(tid: string): number | null;
};

/** The threads of process `pid` ("self": this one), from /proc. */
export function procSched(pid: number | "self"): SchedReader {
  return {
    threads() {
      try {
        return readdirSync(`/proc/${pid}/task`);
      } catch {
        return null;
      }
    },
    runDelayNs(tid) {
      try {
        const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[1]);
        return Number.isFinite(ns) ? ns : null;
      } catch {
        return null;
      }
    },
  };
}

export const PROC_SCHED: SchedReader = procSched("self");

/** A sample older than this is taken again: threads that end (isolated-vm's throwaway threads) take their delay with them. */
const SAMPLE_EVERY_MS = 25;

export class UnstarvedClock {
  private readonly startWall: number;
  /** run_delay of each thread when the clock started (0 for threads started since). */
  private readonly base = new Map<string, number>();
  /** The largest growth of run_delay seen on any one thread, ns; it only grows. */
  private starvedNs = 0;
  private sampledAt: number;

  constructor(
    private readonly reader: SchedReader = PROC_SCHED,
    private readonly wall: () => number = () => performance.now(),
  ) {
    this.startWall = wall();
    this.sampledAt = this.startWall;
    for (const tid of reader.threads() ?? []) {
      const ns = reader.runDelayNs(tid);
      if (ns !== null) this.base.set(tid, ns);
    }
  }

  sample(): void {
    this.sampledAt = this.wall();
    for (const tid of this.reader.threads() ?? []) {
      const ns = this.reader.runDelayNs(tid);
      if (ns === null) continue;
      let base = this.base.get(tid);
      // A thread started during the call, or an id the kernel gave again: all its delay is the call's.
      if (base === undefined || ns < base) {
        base = 0;
        this.base.set(tid, 0);
      }
      this.starvedNs = Math.max(this.starvedNs, ns - base);
    }
  }

  wallMs(): number {
    return this.wall() - this.startWall;
  }

  /** ms the most starved thread spent waiting for a core since the start (as of the last sample). */
  starvedMs(): number {
    return this.starvedNs / 1e6;
  }

  /**
   * Unstarved ms since the start, as of the last sample: never below the fresh figure (the
   * starvation known can only grow), so `bound() <= limit` proves a limit is not reached
   * without reading /proc. Samples itself when the last sample is old.
   */
  bound(): number {
    if (this.wall() - this.sampledAt >= SAMPLE_EVERY_MS) this.sample();
    return Math.max(this.wallMs() - this.starvedMs(), 0);
  }

  /** Unstarved ms since the start, from a fresh sample. */
  elapsedMs(): number {
    this.sample();
    return Math.max(this.wallMs() - this.starvedMs(), 0);
  }
}

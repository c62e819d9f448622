// The main isolate's CPU during one call. Every piece of main-isolate code runs inside a slice
// the host starts (event-loop.ts), so summing a bound per slice bounds all of it. Per slice the
// bound is the smallest of: the isolate's busy time (it counts waiting for a core), the whole
// process's CPU (it counts the workers too), and — once workers exist — what one thread can
// have used (thread-cpu.ts, oneTaskBoundMs). The last one keeps a main isolate that computes
// its own share next to busy workers from being charged the time it waited for a core.
// Every term is an upper bound, so the sum never hides work done on the main isolate.
import { oneTaskBoundMs, type ProcessThreads, type ThreadCpuMeter } from "./thread-cpu.ts";

export type SliceMark = { threads: ProcessThreads | null; process: NodeJS.CpuUsage };

export class MainCpu {
  /** The bound summed over every slice so far. */
  ms = 0;
  private meter: ThreadCpuMeter | null = null;

  /** `threadsInUse()` says whether other threads may run now (any worker spawned). */
  constructor(private readonly threadsInUse: () => boolean) {}

  /** From now on the call is measured (the student's function is about to start). */
  start(meter: ThreadCpuMeter): void {
    this.meter = meter;
  }

  begin(): SliceMark {
    const threads = this.meter?.readable && this.threadsInUse() ? this.meter.snapshot() : null;
    return { threads, process: process.cpuUsage() };
  }

  /** Ends a slice; returns its CPU figure for stall checks (busy time capped by the process's CPU). */
  end(mark: SliceMark, busyMs: number): number {
    const used = process.cpuUsage(mark.process);
    const processMs = (used.user + used.system) / 1000;
    const stallMs = Math.min(busyMs, processMs);
    if (!this.meter) return stallMs;
    const bound = mark.threads ? oneTaskBoundMs(mark.threads, this.meter.snapshot(), processMs) : Infinity;
    this.ms += Math.min(stallMs, bound);
    return stallMs;
  }
}

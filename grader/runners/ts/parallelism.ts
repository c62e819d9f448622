// Did a call run its work in parallel? Pure functions over what the host recorded, so the
// verdict can be tested on fixture numbers and says exactly which figure decided it.
//
// Parallel = simultaneous AND divided (DESIGN "Verdict integrity"):
// - simultaneous: the workers' run spans (host clock, start to end of each worker's function)
//   overlap for at least `minOverlap` of their summed run time. Spans are wall time, so this
//   holds on one core too, where the threads take turns inside their spans;
// - divided: the main isolate did at most `maxMainShare` of the call's CPU, and the workers'
//   CPU is spread over threads (work spread = workers' CPU ÷ the busiest thread's CPU).
//
// How work is attributed, and why. isolated-vm moves isolates between its threads and its
// `cpuTime` counts time spent waiting for a core, so no per-isolate CPU can be read directly.
// What can be attributed:
// 1. The call's CPU: the kernel's per-thread time (/proc/self/task/*/schedstat) of
//    isolated-vm's threads — the process's CPU minus Node's main thread (host code only) and
//    the named V8/libuv helper threads (GC, compiler, thread pool), so throwaway threads that
//    ended still count (thread-cpu.ts). The CPU limit is checked against the same figure.
// 2. The main isolate's share: main code only runs inside host-driven slices, and an isolate
//    task runs on one thread from start to end, so each slice is bounded by the smallest of
//    its busy time, the process's CPU over the slice, and the most one thread (or the threads
//    that ended) gained during it (main-cpu.ts). The sum is an upper bound: work hidden on the
//    main isolate is never under-counted, and a main isolate computing its fair share next to
//    busy workers is not charged for time it waited for a core.
// 3. The workers' division: the call's CPU minus main's bound, over the busiest thread's CPU
//    (a worker's function is one task, so it stays on one thread).
// 4. Simultaneity from host-recorded run spans, not CPU: CPU alone cannot tell four workers
//    run in turn from four run together (a joined-in-loop trace read work spread 2.0). A span
//    loses its Atomics.wait sleeps and failing compareExchange spins (lock waits). Where the
//    exercise counts work, simultaneity is judged on the work itself instead: each worker's log
//    of progress (isolate/work-clock.ts) gives its rate of work over time, and the figure is the
//    share of all counted work done while another worker was working too (workOverlapShare).
//    Workers started together that wait their turn by spinning on a plain read make no progress
//    while they wait, even with a unit of work before or after the wait; threads slowed down by
//    a crowded machine still make progress, at a lower rate, so a worker counts as working at
//    a tenth of its own usual rate or more.
// On top of these, the exercises that judge division hand out the work themselves and count it
// per isolate, so CPU burnt is never mistaken for work done: ts/async-vs-workers' isPrime(n)
// (prime-work.ts: which numbers each worker decided, weighted by their trial divisions) and
// ts/shared-counter's visit()/score() (counter-work.ts: a sequence per isolate from a seed only
// the host knows, every call noted). Their tests judge the spread in those units and pass only
// the workers that did such work to judgeParallel, so a decoy that spins or waits counts for
// nothing. ts/message-passing counts messages per worker (observed.ts).

export type WorkerRun = {
  name: string;
  /** Start and end of the worker's function, ms on the call's clock. */
  start: number;
  end: number;
  /** Every earlier worker had been joined and had ended when this one was spawned. */
  afterJoins: boolean;
  /** isolated-vm's busy time: only a fallback for the spread where /proc is unreadable. */
  busyMs: number;
  /**
   * Stretches the worker slept in Atomics.wait (waiting for a lock), on the call's clock. Its
   * active time is its run minus these: workers that take turns behind one lock are not
   * "running at the same time". Reported by the worker's runtime, so a student could only
   * under-report (which makes overlap look better) by not calling Atomics.wait at all.
   */
  waits?: readonly (readonly [number, number])[];
  /**
   * Its progress in the grader's own work (visit, score, isPrime: its work log,
   * counter-work.ts): [ms on the call's clock, work done by then], time-ordered. Absent for a
   * worker that did no such work (exercises without counted work). Where every judged worker
   * has one, simultaneity is judged on it (workOverlapShare) instead of on run spans.
   */
  progress?: readonly (readonly [number, number])[];
  /** The same for score() alone (ts/shared-counter's leaderboard judges its workers on it). */
  scoreProgress?: readonly (readonly [number, number])[];
};

/** Before a worker's first unit of counted work and after its last: empty without a progress log. */
function idleStretches(run: WorkerRun): [number, number][] {
  const first = run.progress?.[0]?.[0];
  const last = run.progress?.[run.progress.length - 1]?.[0];
  if (first === undefined || last === undefined) return [];
  return [
    [run.start, first],
    [last, run.end],
  ];
}

/** A run minus its lock waits and the stretches before its first and after its last unit of counted work. */
export function activeSegments(run: WorkerRun): [number, number][] {
  const waits = [...(run.waits ?? []), ...idleStretches(run)]
    .map(([a, b]): [number, number] => [Math.max(a, run.start), Math.min(b, run.end)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  let from = run.start;
  for (const [a, b] of waits) {
    if (a > from) out.push([from, a]);
    from = Math.max(from, b);
  }
  if (run.end > from) out.push([from, run.end]);
  return out;
}

/** Time a worker spent waiting for a lock, summed over the workers. */
export function lockWaitMs(runs: readonly WorkerRun[]): number {
  return inactiveMs(runs.map(({ progress: _, ...r }) => r));
}

function inactiveMs(runs: readonly WorkerRun[]): number {
  return runs.reduce((sum, r) => sum + (r.end - r.start) - activeSegments(r).reduce((s, [a, b]) => s + (b - a), 0), 0);
}

export type ParallelInput = {
  workers: readonly WorkerRun[];
  /** Kernel CPU of all threads that ran the call's isolates. */
  cpuMs: number;
  /** Upper bound of the main isolate's share of it (main-cpu.ts). */
  mainCpuMs: number;
  /** Kernel CPU per thread, busiest first; empty where /proc is unreadable. */
  threadCpuMs: readonly number[];
};

export type ParallelRules = { minSpread: number; minOverlap: number; maxMainShare: number };

export const DEFAULT_RULES: ParallelRules = { minSpread: 1.5, minOverlap: 0.5, maxMainShare: 0.5 };

export type ParallelFigures = { overlap: number; workSpread: number; mainShare: number; workerCpuMs: number };

export type ParallelJudgement =
  | { parallel: true; figures: ParallelFigures; summary: string }
  | {
      parallel: false;
      figures: ParallelFigures;
      problem: "no_workers" | "main_did_work" | "one_after_another" | "took_turns" | "little_overlap" | "one_thread";
      message: string;
    };

/**
 * Share of the workers' summed active time (runs minus lock waits) during which at least one
 * other worker was active too.
 */
export function overlapShare(runs: readonly WorkerRun[]): number {
  const segments = runs.flatMap(activeSegments);
  const total = segments.reduce((sum, [a, b]) => sum + (b - a), 0);
  if (total <= 0) return 0;
  const edges = segments
    .flatMap(([a, b]) => [
      { t: a, d: 1 },
      { t: b, d: -1 },
    ])
    .sort((a, b) => a.t - b.t || a.d - b.d);
  let active = 0;
  let last = 0;
  let overlapped = 0;
  for (const { t, d } of edges) {
    if (active >= 2) overlapped += active * (t - last);
    active += d;
    last = t;
  }
  return overlapped / total;
}

/**
 * A worker counts as working at a moment when its rate of counted work there is at least this
 * share of its own usual rate. Its own, not the others': on a crowded machine every thread slows
 * down (and not all by the same amount), but a worker waiting for its turn does no work at all.
 */
export const WORKING_RATE_SHARE = 0.1;

type RateSegment = { from: number; to: number; work: number; rate: number };

/**
 * A progress log as stretches of constant rate. Work noted at the log's first moment is counted
 * into its first stretch; a log whose work all fell within one millisecond is one 1 ms stretch.
 */
export function rateSegments(progress: readonly (readonly [number, number])[]): RateSegment[] {
  const first = progress[0];
  if (!first) return [];
  const out: RateSegment[] = [];
  let [from, doneBefore] = [first[0], 0];
  for (let i = 0; i < progress.length; i++) {
    const [t, done] = progress[i]!;
    const nextT = progress[i + 1]?.[0];
    if (t <= from || (nextT !== undefined && nextT === t)) continue;
    out.push({ from, to: t, work: done - doneBefore, rate: (done - doneBefore) / (t - from) });
    [from, doneBefore] = [t, done];
  }
  const total = progress[progress.length - 1]![1];
  if (out.length === 0) out.push({ from: first[0], to: first[0] + 1, work: total, rate: total });
  return out.filter((s) => s.work > 0);
}

/** The rate at which half of the worker's work was done faster and half slower. */
function usualRate(segments: readonly RateSegment[]): number {
  const total = segments.reduce((sum, s) => sum + s.work, 0);
  let seen = 0;
  for (const s of [...segments].sort((a, b) => a.rate - b.rate)) {
    seen += s.work;
    if (seen * 2 >= total) return s.rate;
  }
  return 0;
}

/** Sorted, merged intervals. */
function union(intervals: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const coveredMs = (from: number, to: number, cover: readonly [number, number][]) =>
  cover.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);

/**
 * Share of the workers' counted work done while at least one other worker was working too (at
 * WORKING_RATE_SHARE of its own usual rate or more). Null unless every worker has a progress log.
 * Balanced workers running together read ~1, on one core too (their rates all drop together);
 * workers that take turns read ~0, whatever they do while they wait, apart from the work itself.
 */
export function workOverlapShare(runs: readonly WorkerRun[]): number | null {
  if (runs.length === 0 || runs.some((r) => !r.progress || r.progress.length === 0)) return null;
  const segments = runs.map((r) => rateSegments(r.progress ?? []));
  const working = segments.map((segs) => {
    const usual = usualRate(segs);
    return segs.filter((s) => s.rate >= WORKING_RATE_SHARE * usual).map((s): [number, number] => [s.from, s.to]);
  });
  let total = 0;
  let overlapped = 0;
  segments.forEach((segs, i) => {
    const others = union(working.filter((_, j) => j !== i).flat());
    for (const s of segs) {
      total += s.work;
      overlapped += (s.work * coveredMs(s.from, s.to, others)) / (s.to - s.from);
    }
  });
  return total > 0 ? overlapped / total : 0;
}

/** Workers' CPU ÷ the busiest thread's CPU; ≈1 when one thread did the work, ≈k for k balanced workers. */
export function workSpreadOf(input: ParallelInput): number {
  const workerCpu = Math.max(input.cpuMs - input.mainCpuMs, 0);
  const busiest = Math.max(0, ...input.threadCpuMs);
  if (input.threadCpuMs.length > 0) return busiest > 0 ? workerCpu / busiest : 0;
  // No per-thread figures: the workers' busy times as a ratio within this one call.
  const busy = input.workers.map((r) => r.busyMs);
  const most = Math.max(0, ...busy);
  return most > 0 ? busy.reduce((a, b) => a + b, 0) / most : 0;
}

export function figuresOf(input: ParallelInput): ParallelFigures {
  const mainCpu = Math.min(input.mainCpuMs, input.cpuMs);
  return {
    overlap: round(workOverlapShare(input.workers) ?? overlapShare(input.workers)),
    workSpread: round(workSpreadOf(input)),
    mainShare: input.cpuMs > 0 ? round(mainCpu / input.cpuMs) : 0,
    workerCpuMs: round(Math.max(input.cpuMs - mainCpu, 0)),
  };
}

export function judgeParallel(input: ParallelInput, rules: ParallelRules = DEFAULT_RULES): ParallelJudgement {
  const figures = figuresOf(input);
  const n = input.workers.length;
  const cpu = ms(input.cpuMs);
  const mainCpu = ms(Math.min(input.mainCpuMs, input.cpuMs));
  const workers = `${n} worker${n === 1 ? "" : "s"}`;
  const fail = (
    problem: Exclude<ParallelJudgement, { parallel: true }>["problem"],
    message: string,
  ): ParallelJudgement => ({ parallel: false, figures, problem, message });

  if (n === 0) {
    return fail(
      "no_workers",
      `all the work ran on the main isolate: no worker was started (the call used ${cpu} ms of CPU, all of it in your exported function)`,
    );
  }
  if (figures.mainShare > rules.maxMainShare) {
    return fail(
      "main_did_work",
      `the main isolate did the work: ${mainCpu} of the ${cpu} ms of CPU this call used ran in your exported function itself, while the ${workers} used ${ms(figures.workerCpuMs)} ms ` +
        `(main's share ${pct(figures.mainShare)}, at most ${pct(rules.maxMainShare)} allowed)`,
    );
  }
  if (figures.overlap < rules.minOverlap) {
    const byWork = workOverlapShare(input.workers) !== null;
    const runMs = ms(input.workers.reduce((sum, r) => sum + (r.end - r.start), 0));
    const overlapped = byWork
      ? `only ${pct(figures.overlap)} of their work was done while another of them was working too; at least ${pct(rules.minOverlap)} is needed`
      : `their runs overlapped for ${pct(figures.overlap)} of their ${runMs} ms of run time; at least ${pct(rules.minOverlap)} is needed`;
    if (n === 1)
      return fail(
        "little_overlap",
        `only 1 worker ran (${input.workers[0]?.name ?? "worker 1"}), so no two workers ever ran at the same time`,
      );
    if (input.workers.slice(1).every((r) => r.afterJoins)) {
      return fail(
        "one_after_another",
        `the ${workers} ran one after another: each was joined before the next started (${overlapped})`,
      );
    }
    const waited = lockWaitMs(input.workers);
    if (waited * 2 >= input.workers.reduce((sum, r) => sum + (r.end - r.start), 0)) {
      return fail(
        "took_turns",
        `the ${workers} took turns: they spent ${ms(waited)} of their ${runMs} ms of run time waiting for a lock one of them held (asleep in Atomics.wait, or spinning on compareExchange), so ${overlapped}`,
      );
    }
    if (byWork) {
      return fail(
        "took_turns",
        `the ${workers} took turns: ${overlapped}. The rest was done while every other worker made no progress at all (waiting for its turn, e.g. spinning on a shared flag until another worker was done, or already finished)`,
      );
    }
    const longest = input.workers.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    const longestMs = longest.end - longest.start;
    if (longestMs * 2 >= input.workers.reduce((sum, r) => sum + (r.end - r.start), 0)) {
      const others = ms(input.workers.reduce((sum, r) => sum + (r.end - r.start), 0) - longestMs);
      return fail(
        "little_overlap",
        `${longest.name} ran for ${ms(longestMs)} ms, the other ${n - 1} for ${others} ms in all, so it mostly ran alone: ${overlapped}`,
      );
    }
    return fail("little_overlap", `the ${workers} mostly ran one at a time: ${overlapped}`);
  }
  if (figures.workSpread < rules.minSpread) {
    const busiest = ms(Math.max(0, ...input.threadCpuMs));
    const source =
      input.threadCpuMs.length > 0
        ? `the busiest thread used ${busiest} of the workers' ${ms(figures.workerCpuMs)} ms of CPU`
        : "one worker was busy for nearly all of the workers' time";
    return fail(
      "one_thread",
      `the work was not divided among the ${workers}: ${source} (work spread ${figures.workSpread.toFixed(2)}, at least ${rules.minSpread} needed)`,
    );
  }
  return {
    parallel: true,
    figures,
    summary: `${workers} ${workOverlapShare(input.workers) !== null ? `did ${pct(figures.overlap)} of their work while another of them was working too` : `ran at the same time for ${pct(figures.overlap)} of their run time`}, work spread ${figures.workSpread.toFixed(2)}, main isolate ${pct(figures.mainShare)} of ${cpu} ms of CPU`,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
const ms = (n: number) => String(Math.round(n));
const pct = (share: number) => `${Math.round(share * 100)}%`;

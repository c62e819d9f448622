// The parallelism verdict on fixture numbers: every outcome here is decided by the figures
// alone, never by how busy the machine running the tests is.
import { describe, expect, it } from "vitest";
import {
  activeSegments,
  figuresOf,
  judgeParallel,
  lockWaitMs,
  overlapShare,
  rateSegments,
  workOverlapShare,
  type ParallelInput,
  type WorkerRun,
} from "./parallelism.ts";

const run = (name: string, start: number, end: number, afterJoins = false): WorkerRun => ({
  name,
  start,
  end,
  afterJoins,
  busyMs: end - start,
});
const together = [run("worker 1", 0, 500), run("worker 2", 0, 510), run("worker 3", 1, 490), run("worker 4", 2, 505)];
const inTurn = [
  run("worker 1", 0, 250),
  run("worker 2", 251, 500, true),
  run("worker 3", 501, 760, true),
  run("worker 4", 761, 1000, true),
];
const good: ParallelInput = { workers: together, cpuMs: 1000, mainCpuMs: 3, threadCpuMs: [252, 250, 248, 247] };

describe("overlap of the workers' runs", () => {
  it("is 1 for runs that cover each other and 0 for runs one after another", () => {
    expect(overlapShare([run("a", 0, 100), run("b", 0, 100)])).toBe(1);
    expect(overlapShare(inTurn)).toBe(0);
    expect(overlapShare([run("a", 0, 100)])).toBe(0);
    expect(overlapShare([])).toBe(0);
  });

  it("counts each run's time with company: half-overlapping runs give 0.5", () => {
    // a: 0–100, b: 50–150. Overlap 50–100 counts for both: 100 of 200 ms.
    expect(overlapShare([run("a", 0, 100), run("b", 50, 150)])).toBe(0.5);
    // Touching ends are not overlap.
    expect(overlapShare([run("a", 0, 100), run("b", 100, 200)])).toBe(0);
  });

  it("is the same on one core: interleaved threads keep their spans overlapping", () => {
    // Two workers time-sliced on one core both run from 0 to ~2x their own CPU time.
    expect(overlapShare([run("a", 0, 200), run("b", 1, 199)])).toBeCloseTo(0.995, 3);
  });
});

describe("judgeParallel", () => {
  it("passes balanced workers that ran together, on many cores or one", () => {
    const judged = judgeParallel(good);
    expect(judged).toMatchObject({ parallel: true, figures: { overlap: 1, mainShare: 0, workSpread: 3.96 } });
    // One core: the same CPU per thread, spans twice as long and still overlapping.
    const oneCore = { ...good, workers: together.map((r) => ({ ...r, end: r.end * 2 })) };
    expect(judgeParallel(oneCore).parallel).toBe(true);
  });

  it("fails workers joined one at a time, saying so, whatever the CPU split says", () => {
    const judged = judgeParallel({ ...good, workers: inTurn });
    expect(judged).toMatchObject({ parallel: false, problem: "one_after_another" });
    if (judged.parallel) return;
    expect(judged.message).toBe(
      "the 4 workers ran one after another: each was joined before the next started (their runs overlapped for 0% of their 997 ms of run time; at least 50% is needed)",
    );
  });

  it("fails workers that mostly ran alone without being joined in turn, with the overlap it measured", () => {
    const staggered = [run("worker 1", 0, 300), run("worker 2", 250, 550), run("worker 3", 500, 800)];
    const judged = judgeParallel({ ...good, workers: staggered });
    expect(judged).toMatchObject({ parallel: false, problem: "little_overlap", figures: { overlap: 0.22 } });
    if (judged.parallel) return;
    expect(judged.message).toMatch(
      /^the 3 workers mostly ran one at a time: their runs overlapped for 22% of their 900 ms of run time; at least 50% is needed$/,
    );
  });

  it("fails one worker that ran alone while the others ended at once, saying how long each side ran", () => {
    const lopsided = [run("worker 1", 0, 340), run("worker 2", 0, 4), run("worker 3", 0, 4), run("worker 4", 1, 4)];
    const judged = judgeParallel({ ...good, workers: lopsided });
    expect(judged).toMatchObject({ parallel: false, problem: "little_overlap" });
    if (judged.parallel) return;
    expect(judged.message).toBe(
      "worker 1 ran for 340 ms, the other 3 for 11 ms in all, so it mostly ran alone: their runs overlapped for 4% of their 351 ms of run time; at least 50% is needed",
    );
  });

  it("fails a single worker: nothing ran at the same time", () => {
    const judged = judgeParallel({
      workers: [run("worker 1 (count)", 0, 900)],
      cpuMs: 900,
      mainCpuMs: 1,
      threadCpuMs: [899],
    });
    expect(judged).toMatchObject({
      parallel: false,
      problem: "little_overlap",
      message: expect.stringMatching(/^only 1 worker ran \(worker 1 \(count\)\)/),
    });
  });

  it("fails decoy workers that slept while the main isolate computed, quoting main's share", () => {
    // Four workers asleep side by side (perfect overlap), main busy for 940 of 1000 ms of CPU.
    const judged = judgeParallel({ workers: together, cpuMs: 1000, mainCpuMs: 940, threadCpuMs: [941, 20, 20, 19] });
    expect(judged).toMatchObject({
      parallel: false,
      problem: "main_did_work",
      figures: { mainShare: 0.94, workerCpuMs: 60 },
    });
    if (judged.parallel) return;
    expect(judged.message).toBe(
      "the main isolate did the work: 940 of the 1000 ms of CPU this call used ran in your exported function itself, while the 4 workers used 60 ms (main's share 94%, at most 50% allowed)",
    );
  });

  it("fails work done with no worker at all", () => {
    const judged = judgeParallel({ workers: [], cpuMs: 800, mainCpuMs: 800, threadCpuMs: [800] });
    expect(judged).toMatchObject({
      parallel: false,
      problem: "no_workers",
      message: expect.stringMatching(
        /^all the work ran on the main isolate: no worker was started \(the call used 800 ms/,
      ),
    });
  });

  it("fails workers that ran together while one of them did nearly everything, with the spread it used", () => {
    const judged = judgeParallel({ workers: together, cpuMs: 1000, mainCpuMs: 2, threadCpuMs: [950, 20, 15, 15] });
    expect(judged).toMatchObject({ parallel: false, problem: "one_thread", figures: { workSpread: 1.05 } });
    if (judged.parallel) return;
    expect(judged.message).toBe(
      "the work was not divided among the 4 workers: the busiest thread used 950 of the workers' 998 ms of CPU (work spread 1.05, at least 1.5 needed)",
    );
  });

  it("lets the main isolate do its own fair share next to the workers", () => {
    // Main counts one fifth itself, four workers the rest.
    const judged = judgeParallel({
      workers: together,
      cpuMs: 1000,
      mainCpuMs: 200,
      threadCpuMs: [200, 200, 200, 200, 200],
    });
    expect(judged).toMatchObject({ parallel: true, figures: { mainShare: 0.2, workSpread: 4 } });
  });

  it("takes its thresholds from the exercise", () => {
    const rules = { minSpread: 3, minOverlap: 0.9, maxMainShare: 0.1 };
    expect(judgeParallel(good, rules).parallel).toBe(true);
    expect(judgeParallel({ ...good, threadCpuMs: [500, 500] }, rules)).toMatchObject({
      parallel: false,
      problem: "one_thread",
    });
  });

  it("falls back to the workers' busy-time ratio where per-thread CPU is unreadable", () => {
    expect(figuresOf({ ...good, threadCpuMs: [] }).workSpread).toBeCloseTo(3.93, 2);
  });
});

describe("lock waits are not running at the same time", () => {
  const worker = (name: string, start: number, end: number, waits: [number, number][]): WorkerRun => ({
    name,
    start,
    end,
    afterJoins: false,
    busyMs: 0,
    waits,
  });

  it("takes a run's Atomics.wait stretches out of its active time", () => {
    expect(
      activeSegments(
        worker("a", 0, 100, [
          [10, 20],
          [15, 30],
          [90, 120],
        ]),
      ),
    ).toEqual([
      [0, 10],
      [30, 90],
    ]);
    expect(
      lockWaitMs([
        worker("a", 0, 100, [
          [10, 20],
          [15, 30],
          [90, 120],
        ]),
      ]),
    ).toBe(30);
  });

  it("judges workers that take turns behind one lock as not parallel, naming the waits", () => {
    // Four workers start together; each computes 100 ms while the others sleep on the lock.
    const turns = [0, 1, 2, 3].map((i) => {
      const waits: [number, number][] = [
        [0, i * 100],
        [(i + 1) * 100, 400],
      ];
      return worker(
        `worker ${i + 1}`,
        0,
        400,
        waits.filter(([a, b]) => b > a),
      );
    });
    expect(overlapShare(turns)).toBe(0);
    const judged = judgeParallel({ workers: turns, cpuMs: 400, mainCpuMs: 0, threadCpuMs: [100, 100, 100, 100] });
    expect(judged).toMatchObject({ parallel: false, problem: "took_turns" });
    expect(judged.parallel ? "" : judged.message).toMatch(
      /took turns: they spent 1200 of their 1600 ms of run time waiting for a lock one of them held \(asleep in Atomics.wait/,
    );
  });

  it("keeps short lock waits around a small critical section parallel", () => {
    const busy = [0, 1, 2, 3].map((i) =>
      worker(
        `worker ${i + 1}`,
        0,
        400,
        Array.from({ length: 20 }, (_, k): [number, number] => [k * 20 + i, k * 20 + i + 1]),
      ),
    );
    expect(overlapShare(busy)).toBeGreaterThan(0.9);
    expect(
      judgeParallel({ workers: busy, cpuMs: 1500, mainCpuMs: 0, threadCpuMs: [380, 380, 380, 380] }),
    ).toMatchObject({ parallel: true });
  });
});

describe("simultaneity judged on the counted work itself (progress logs)", () => {
  /** A run whose progress is a piecewise-linear curve through `knots` ([ms, work done]), noted as the work clock notes it. */
  const worker = (name: string, start: number, end: number, knots: [number, number][]): WorkerRun => ({
    name,
    start,
    end,
    afterJoins: false,
    busyMs: 0,
    waits: [],
    progress: logThrough(knots),
  });
  /** The entries a work clock would note along the curve: every unit up to 10, then every +10 %, on whole ms. */
  function logThrough(knots: [number, number][]): [number, number][] {
    const at = (work: number) => {
      for (let k = 1; k < knots.length; k++) {
        const [t0, w0] = knots[k - 1]!;
        const [t1, w1] = knots[k]!;
        if (work <= w1) return Math.floor(w1 === w0 ? t1 : t0 + ((work - w0) * (t1 - t0)) / (w1 - w0));
      }
      return knots[knots.length - 1]![0];
    };
    const total = knots[knots.length - 1]![1];
    const out: [number, number][] = [];
    for (let w = 1; w < total; w = w < 10 ? w + 1 : Math.ceil(w * 1.1)) out.push([at(w), w]);
    out.push([at(total), total]);
    return out;
  }
  const judge = (workers: WorkerRun[]) =>
    judgeParallel({ workers, cpuMs: 1000, mainCpuMs: 0, threadCpuMs: workers.map(() => 240) });

  it("reads workers that share the machine evenly as working together, on one core too", () => {
    const together = [0, 1, 2, 3].map((i) =>
      worker(`worker ${i + 1}`, 0, 1000, [
        [i * 5, 0],
        [995 + i, 10_000],
      ]),
    );
    expect(workOverlapShare(together)).toBeGreaterThan(0.95);
    expect(judge(together)).toMatchObject({ parallel: true });
  });

  it("judges workers started together that wait their turn on a plain flag as taking turns", () => {
    const turns = [0, 1, 2, 3].map((i) =>
      worker(`worker ${i + 1}`, 0, (i + 1) * 100, [
        [i * 100, 0],
        [(i + 1) * 100, 10_000],
      ]),
    );
    expect(workOverlapShare(turns)).toBeLessThan(0.05);
    const judged = judge(turns);
    expect(judged).toMatchObject({ parallel: false, problem: "took_turns" });
    expect(judged.parallel ? "" : judged.message).toMatch(/took turns: only \d+% of their work was done while another/);
  });

  it("is not fooled by one unit of work before the wait and one after the turn", () => {
    // Worker i visits once at the start, spins until worker i-1 is done, does its share, spins
    // until everybody is done and visits once more: its first and last units span the whole run.
    const turns = [0, 1, 2, 3].map((i) =>
      worker(`worker ${i + 1}`, 0, 401, [
        [0, 0],
        [1, 1],
        [i * 100, 1],
        [(i + 1) * 100, 10_001],
        [400, 10_001],
        [401, 10_002],
      ]),
    );
    expect(overlapShare(turns)).toBeGreaterThan(0.9);
    expect(workOverlapShare(turns)).toBeLessThan(0.1);
    expect(judge(turns)).toMatchObject({ parallel: false, problem: "took_turns" });
  });

  it("keeps workers parallel when a crowded machine slows them down unevenly and in bursts", () => {
    // Rates that differ fivefold between workers, each stalling for 60 ms twice (descheduled).
    const slowed = [0, 1, 2, 3].map((i) => {
      const stall = 150 + 37 * i;
      return worker(`worker ${i + 1}`, 0, 1000, [
        [i * 10, 0],
        [stall, 1000 * (i + 1)],
        [stall + 60, 1000 * (i + 1)],
        [stall + 400, 4000 * (i + 1)],
        [stall + 460, 4000 * (i + 1)],
        [990, 10_000 * (i + 1)],
      ]);
    });
    expect(workOverlapShare(slowed)).toBeGreaterThan(0.8);
    expect(judge(slowed)).toMatchObject({ parallel: true });
  });

  it("counts a worker that finished its smaller share early as working only while it worked", () => {
    // Equal rates; worker 2 has a third of worker 1's work, so it is done after a third of the run.
    const uneven = [
      worker("worker 1", 0, 300, [
        [0, 0],
        [300, 3000],
      ]),
      worker("worker 2", 0, 100, [
        [0, 0],
        [100, 1000],
      ]),
    ];
    expect(workOverlapShare(uneven)).toBeCloseTo(0.5, 1);
  });

  it("falls back to run spans when a worker has no progress log", () => {
    const mixed = [
      worker("worker 1", 0, 100, [
        [0, 0],
        [100, 100],
      ]),
      run("worker 2", 0, 100),
    ];
    expect(workOverlapShare(mixed)).toBeNull();
  });
});

describe("rateSegments", () => {
  it("counts the work noted at the first moment into the first stretch and merges equal times", () => {
    expect(
      rateSegments([
        [10, 3],
        [10, 5],
        [12, 9],
        [12, 11],
        [20, 19],
      ]),
    ).toEqual([
      { from: 10, to: 12, work: 11, rate: 5.5 },
      { from: 12, to: 20, work: 8, rate: 1 },
    ]);
  });

  it("gives work that all fell within one millisecond a stretch of 1 ms", () => {
    expect(
      rateSegments([
        [7, 1],
        [7, 40],
      ]),
    ).toEqual([{ from: 7, to: 8, work: 40, rate: 40 }]);
  });
});

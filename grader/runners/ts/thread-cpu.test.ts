import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import {
  oneTaskBoundMs,
  perThreadWithUnseen,
  snapshotThreadCpu,
  threadCpuBetween,
  ThreadCpuMeter,
  type ProcessThreads,
} from "./thread-cpu.ts";

const threads = (entries: [string, number][], helperNs = 0, mainNs: number | null = 0): ProcessThreads => ({
  threads: new Map(entries),
  helperNs,
  mainNs,
});

describe("per-thread CPU time", () => {
  it("reads this process's threads from /proc, leaving out Node's main thread and V8's helper threads", () => {
    const snapshot = snapshotThreadCpu();
    expect(snapshot.threads.has(String(process.pid))).toBe(false);
    expect(snapshot.mainNs).toBeGreaterThan(0);
    for (const tid of snapshot.threads.keys())
      expect(readFileSync(`/proc/self/task/${tid}/comm`, "utf8")).not.toMatch(/^V8Worker/);
    // Every Node process has V8 platform workers; their CPU is counted apart.
    expect(snapshot.helperNs).toBeGreaterThan(0);
  });

  it("takes the CPU each thread used between two snapshots, dropping idle ones", () => {
    const before = new Map([
      ["11", 1e6],
      ["12", 5e6],
      ["13", 0],
    ]);
    const after = new Map([
      ["11", 31e6],
      ["12", 5.01e6],
      ["13", 20e6],
      ["14", 10e6],
    ]);
    expect(threadCpuBetween(before, after).sort((a, b) => b - a)).toEqual([30, 20, 10]);
  });

  it("adds the CPU of threads that ended between samples as one entry, unless it is noise", () => {
    expect(perThreadWithUnseen([100, 300], 600)).toEqual([300, 200, 100]);
    // 5 ms unseen: under the 10 ms floor. 12 ms of 1000: under the 5% share.
    expect(perThreadWithUnseen([100, 300], 405)).toEqual([300, 100]);
    expect(perThreadWithUnseen([500, 488], 1000)).toEqual([500, 488]);
  });

  it("keeps the CPU of a thread that ended before the measurement did (isolated-vm's throwaway threads)", async () => {
    const meter = new ThreadCpuMeter();
    // A fixed amount of work, not a fixed time: the same CPU however busy the machine is.
    const code =
      "let x = 0; for (let i = 0; i < 3e7; i++) x = (x + i) | 0; require('node:worker_threads').parentPort.postMessage(x);";
    await new Promise((resolve, reject) => {
      const worker = new Worker(code, { eval: true });
      worker.on("error", reject);
      worker.on("exit", resolve);
    });
    const { totalMs, perThreadMs } = meter.finish();
    const [busiest = 0] = perThreadMs;
    expect(busiest).toBeGreaterThanOrEqual(50);
    expect(totalMs).toBeGreaterThanOrEqual(busiest);
  });
});

describe("the CPU one task can have used in a stretch (bound of a main-isolate slice)", () => {
  it("is what the busiest thread gained when every thread is still there", () => {
    const before = threads(
      [
        ["1", 0],
        ["2", 0],
      ],
      0,
      0,
    );
    const after = threads(
      [
        ["1", 40e6],
        ["2", 10e6],
      ],
      0,
      0,
    );
    expect(oneTaskBoundMs(before, after, 50)).toBe(40);
  });

  it("covers a task whose thread ended: the CPU that vanished with it, net of Node's main and helper threads", () => {
    const before = threads(
      [
        ["1", 0],
        ["9", 0],
      ],
      5e6,
      1e6,
    );
    // Thread 9 ran 70 ms and exited; main gained 3 ms, helpers 2 ms, thread 1 10 ms.
    const after = threads([["1", 10e6]], 7e6, 4e6);
    expect(oneTaskBoundMs(before, after, 85)).toBe(70);
  });

  it("never exceeds the process's CPU, and falls back to it where main's thread is unreadable", () => {
    expect(oneTaskBoundMs(threads([["1", 0]]), threads([["1", 90e6]]), 60)).toBe(60);
    expect(oneTaskBoundMs(threads([["1", 0]], 0, null), threads([["1", 5e6]], 0, null), 60)).toBe(60);
  });
});

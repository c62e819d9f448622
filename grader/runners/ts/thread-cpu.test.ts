import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { snapshotThreadCpu, spreadOf, threadCpuBetween, ThreadCpuMeter } from "./thread-cpu.ts";

describe("per-thread CPU time", () => {
  it("reads this process's threads from /proc, leaving out Node's main thread", () => {
    const snapshot = snapshotThreadCpu();
    expect(snapshot.size).toBeGreaterThan(0);
    expect(snapshot.has(String(process.pid))).toBe(false);
  });

  it("takes the CPU each thread used between two snapshots, dropping idle ones", () => {
    const before = new Map([["11", 1e6], ["12", 5e6], ["13", 0]]);
    const after = new Map([["11", 31e6], ["12", 5.01e6], ["13", 20e6], ["14", 10e6]]);
    expect(threadCpuBetween(before, after).sort((a, b) => b - a)).toEqual([30, 20, 10]);
  });

  it("spread: total over the busiest thread", () => {
    expect(spreadOf([30, 30, 30, 30])).toBe(4);
    expect(spreadOf([60, 1, 1])).toBeCloseTo(1.033, 3);
    expect(spreadOf([])).toBeNull();
  });

  it("keeps the CPU of a thread that ended before the measurement did (isolated-vm's throwaway threads)", async () => {
    const meter = new ThreadCpuMeter();
    // A fixed amount of work, not a fixed time: ~0.3 s of CPU on this machine, however busy it is.
    const code = "let x = 0; for (let i = 0; i < 3e8; i++) x = (x + i) | 0; require('node:worker_threads').parentPort.postMessage(x);";
    await new Promise((resolve, reject) => {
      const worker = new Worker(code, { eval: true });
      worker.on("error", reject);
      worker.on("exit", resolve);
    });
    const [busiest = 0] = meter.finish();
    expect(busiest).toBeGreaterThanOrEqual(50);
  });
});

import { describe, expect, it } from "vitest";
import { snapshotThreadCpu, spreadOf, threadCpuBetween } from "./thread-cpu.ts";

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
});

import { describe, expect, it } from "vitest";
import { callFixture, valueOf } from "./call-fixture.ts";
import { replayScores, replayVisits, scoreCalls, SCORE_RANGE } from "./counter-work.ts";
import type { CallStats } from "./run-call.ts";

function statsOf(outcome: Awaited<ReturnType<typeof callFixture>>): CallStats {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.verdict.reason}: ${outcome.verdict.message}`);
  return outcome.stats;
}

describe("visit() and score(): what the isolates were handed, as the host replays it", () => {
  it("the host's replay of each worker's note matches what its calls returned", async () => {
    const code = `
      import { spawn } from "interleave";
      export async function main() {
        const handles = [0, 1, 2].map((w) => spawn(({ n }) => {
          const visits = [], scores = [];
          for (let i = 0; i < n; i++) visits.push(visit());
          for (let i = 0; i < n + 1; i++) scores.push(score());
          return { visits, scores };
        }, { n: 50 + w }));
        return Promise.all(handles.map((h) => h.join()));
      }`;
    const outcome = await callFixture(code);
    const seen = valueOf(outcome) as { visits: number[]; scores: number[] }[];
    const stats = statsOf(outcome);
    expect(stats.workerMemory).toHaveLength(3);
    for (const [w, memory] of stats.workerMemory.entries()) {
      const mine = seen[w]!;
      expect(mine.visits.every((v) => v === 1 || v === 2 || v === 3)).toBe(true);
      expect(replayVisits(memory.counter)).toEqual({ calls: 50 + w, sum: mine.visits.reduce((a, b) => a + b, 0) });
      expect(replayScores(memory.counter)).toEqual(mine.scores);
      expect(mine.scores.every((s) => Number.isInteger(s) && s >= 0 && s < SCORE_RANGE)).toBe(true);
    }
    // Each isolate has its own sequence, and the main isolate made no call.
    expect(seen[0]!.scores).not.toEqual(seen[1]!.scores);
    expect(replayVisits(stats.mainCounter)).toEqual({ calls: 0, sum: 0 });
  });

  it("calls on the main isolate are noted as main's, and tampering with globals changes nothing", async () => {
    const code = `
      import { score, visit } from "interleave";
      export async function main() {
        Object.defineProperty(Int32Array.prototype, "length", { get() { return 0; } });
        Math.random = () => 0;
        const visits = [visit(), visit(), visit()];
        return { visits, s: score(), source: visit.toString() };
      }`;
    const outcome = await callFixture(code);
    const value = valueOf(outcome) as { visits: number[]; s: number; source: string };
    const stats = statsOf(outcome);
    expect(replayVisits(stats.mainCounter)).toEqual({ calls: 3, sum: value.visits.reduce((a, b) => a + b, 0) });
    expect(scoreCalls(stats.mainCounter)).toBe(1);
    expect(replayScores(stats.mainCounter)).toEqual([value.s]);
    // The source shows no seed: it lives in the note, read once when the isolate started.
    expect(value.source).not.toMatch(/\d{6,}/);
  });
});

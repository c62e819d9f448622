// From an independent tester who had read the harness (corpus of stop 18). Verdict here: not_parallel: A worker that never started wrote nothing (WorkerMemory.ran), so the total main put in its memory is not the workers'.
// ATTACK 1 (points without the work). SHOULD GET: fail (not_parallel) on all 3 tests.
// count: workers make their visits and return plain local sums through join(); NO shared
// counter, NO atomics. Main adds the sums, writes the total into a fresh SharedArrayBuffer and
// hands it to a worker whose function is a METHOD (spawn re-evaluates "m(d){...}" -> syntax
// error, the worker fails to START). A worker that never started has an empty "atStart"
// snapshot (worker-pool.ts memory(): atStart = w.shared.map(v => v.slice(0,0))), so wroteRun()
// credits it with everything in its memory. Main catches the join rejection (no verdict).
// leaderboard: workers draw scores and dump them unsorted, no lock, into their own SAB; main
// sorts and writes the list into the broken worker's SAB the same way.
import { score, spawn, visit } from "interleave";

const holder = { m(d: unknown) { return d; } };

async function plant(values: number[]) {
  const sab = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, values.length)));
  sab.set(values);
  try { await spawn(holder.m, { sab }).join(); } catch { /* it never starts: that is the point */ }
}

export async function count(workers: number, perWorker: number): Promise<number> {
  const hs = [];
  for (let w = 0; w < workers; w++) hs.push(spawn(({ n }) => { let s = 0; for (let i = 0; i < n; i++) s += visit(); return s; }, { n: perWorker }));
  let total = 0;
  for (const s of await Promise.all(hs.map((h) => h.join()))) total += s;
  await plant([total]);
  return total;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const hs = [];
  for (let w = 0; w < workers; w++) {
    const mine = new Int32Array(new SharedArrayBuffer(4 * perWorker));
    hs.push(spawn(({ mine }) => { const out: number[] = []; for (let i = 0; i < mine.length; i++) { mine[i] = score(); out.push(mine[i]); } return out; }, { mine }));
  }
  const all = (await Promise.all(hs.map((h) => h.join()))).flat().sort((a, b) => a - b);
  await plant(all);
  return all;
}

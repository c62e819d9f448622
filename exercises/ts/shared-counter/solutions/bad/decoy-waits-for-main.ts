// From an independent tester who had read the harness (corpus of stop 18). Verdict here: not_parallel: only workers that made visits (drew scores) can have written the answer; the decoy made none.
// ATTACK 2 (points without the work). SHOULD GET: fail (not_parallel) on all 3 tests.
// Visiting workers sum locally (no shared counter, no atomics) and return their sums through
// join(). A DECOY worker (0 visits) is started with them and just waits (timed Atomics.wait)
// on a flag. Main sums, writes the total into the decoy's SharedArrayBuffer WHILE THE DECOY IS
// RUNNING, then releases it: the decoy's end snapshot holds the total and its start snapshot
// did not -> workersWriting() credits it. Decoys have 0 visits, so they are left out of the
// spread/overlap figures. leaderboard: workers dump raw scores (no lock); main sorts and plants
// the sorted list in the decoy's memory the same way.
import { score, spawn, visit } from "interleave";

function decoy(out: Int32Array) {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const h = spawn(({ flag }) => { while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 5); return 0; }, { flag, out });
  return { h, release: async () => { Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); await h.join(); } };
}

export async function count(workers: number, perWorker: number): Promise<number> {
  const out = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++) hs.push(spawn(({ n }) => { let s = 0; for (let i = 0; i < n; i++) s += visit(); return s; }, { n: perWorker }));
  const d = decoy(out);
  let total = 0;
  for (const s of await Promise.all(hs.map((h) => h.join()))) total += s;
  out[0] = total; // main writes the answer while the decoy still runs
  await d.release();
  return total;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const out = new Int32Array(new SharedArrayBuffer(4 * workers * perWorker));
  const hs = [];
  for (let w = 0; w < workers; w++) {
    const mine = new Int32Array(new SharedArrayBuffer(4 * perWorker));
    hs.push(spawn(({ mine }) => { const o: number[] = []; for (let i = 0; i < mine.length; i++) { mine[i] = score(); o.push(mine[i]); } return o; }, { mine }));
  }
  const d = decoy(out);
  const all = (await Promise.all(hs.map((h) => h.join()))).flat().sort((a, b) => a - b);
  out.set(all);
  await d.release();
  return all;
}

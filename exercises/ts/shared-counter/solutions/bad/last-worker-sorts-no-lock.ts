// From an independent tester who had read the harness (corpus of stop 18). Verdict here: not_parallel: each worker's scores must be in the list's stretch of memory when it ends; here they sat in a side region until the last worker sorted.
// ATTACK 3 (no lock built). SHOULD GET: count tests pass (a worker-side reduction of per-worker
// slots; debatable: the statement asks for atomic adds to ONE shared counter), leaderboard test
// SHOULD FAIL (no lock: the statement's part 2 is "inserts ... under a lock you build").
// Each worker writes its raw scores (unsorted, plain stores) into its own region; the last
// worker to finish (Atomics.add on a done counter) sorts everything with Array.sort and writes
// the sorted list. Each worker's own scores are in its memory at its end (raw region), and the
// sorted list was written by a worker while it ran -> the host's checks are satisfied.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const mem = new Int32Array(new SharedArrayBuffer(4 * (2 + workers)));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ mem, w, n, k }) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += visit();
      mem[2 + w] = s; // plain store into own slot
      if (Atomics.add(mem, 1, 1) === k - 1) { let t = 0; for (let j = 0; j < k; j++) t += Atomics.load(mem, 2 + j); mem[0] = t; }
    }, { mem, w, n: perWorker, k: workers }));
  await Promise.all(hs.map((h) => h.join()));
  return mem[0];
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const raw = new Int32Array(new SharedArrayBuffer(4 * n));
  const sorted = new Int32Array(new SharedArrayBuffer(4 * n));
  const done = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ raw, sorted, done, w, p, k }) => {
      for (let i = 0; i < p; i++) raw[w * p + i] = score();
      if (Atomics.add(done, 0, 1) === k - 1) sorted.set(Array.from(raw).sort((a, b) => a - b));
    }, { raw, sorted, done, w, p: perWorker, k: workers }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(sorted);
}

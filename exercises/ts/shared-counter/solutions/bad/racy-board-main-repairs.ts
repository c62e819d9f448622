// From an independent tester who had read the harness (corpus of stop 18). Verdict here: not_parallel: the whole returned list must be in a scoring worker's memory; the sorted side copy never was.
// ATTACK 5 (no lock, racy inserts, main repairs). SHOULD GET: fail lost_updates (leaderboard).
// count = reference (pass). Workers insert into ONE shared list with NO lock (the starter's
// racy insert: scores get lost/duplicated) and also dump their raw scores into a second region.
// Main ignores the damaged list's tail: it sorts the raw scores and returns them. The host only
// checks that the first 3 returned scores sit in a row somewhere a worker wrote (the front of
// the racy list usually still holds the smallest ones) and that each worker's own scores are in
// its memory (the raw region) -> likely pass.
import { score, spawn, visit } from "interleave";
export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++) hs.push(spawn(({ counter, n }) => { for (let i = 0; i < n; i++) Atomics.add(counter, 0, visit()); }, { counter, n: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(counter, 0);
}
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + 2 * n)));
  const raw = new Int32Array(new SharedArrayBuffer(4 * n));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ list, raw, w, times }) => {
      for (let i = 0; i < times; i++) {
        const v = score();
        raw[w * times + i] = v;
        const len = list[0]; let j = len; // racy insert, no lock
        while (j > 0 && list[j] > v) { list[j + 1] = list[j]; j--; }
        list[j + 1] = v; list[0] = len + 1;
      }
    }, { list, raw, w, times: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(raw).sort((a, b) => a - b);
}

// Workers that take turns but pad their work clock (not parallel): all are spawned at once; each
// makes one visit as soon as it starts and keeps it, spins on a plain read until the worker
// before it has made all its visits, makes its share, then spins until every worker is done and
// makes one last visit. Each worker's first and last visit span the whole run, but between them
// it made no progress while the others had their turns. leaderboard is a correct lock.
// Expected: not_parallel.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const mem = new Int32Array(new SharedArrayBuffer(8)); // [count, turn]
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ mem, w, times, workers }) => {
      let mine = visit();
      while (Atomics.load(mem, 1) !== w) {}
      for (let i = 1; i < times - 1; i++) mine += visit();
      Atomics.store(mem, 1, w + 1);
      while (Atomics.load(mem, 1) !== workers) {}
      mine += visit();
      Atomics.add(mem, 0, mine);
    }, { mem, w, times: perWorker, workers }));
  await Promise.all(hs.map((h) => h.join()));
  return mem[0]!;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ list, lock, times }) => {
      for (let k = 0; k < times; k++) {
        const value = score();
        while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
        const n = list[0]!;
        let i = n;
        while (i > 0 && list[i]! > value) { list[i + 1] = list[i]!; i--; }
        list[i + 1] = value;
        list[0] = n + 1;
        Atomics.store(lock, 0, 0);
        Atomics.notify(lock, 0, 1);
      }
    }, { list, lock, times: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]!));
}

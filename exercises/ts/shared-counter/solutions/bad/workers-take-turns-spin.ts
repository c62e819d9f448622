// Workers that take turns (not parallel): all are spawned at once, but worker k spins on a plain
// read of a shared turn cell until worker k-1 has made ALL its visits, so the counting is fully
// serialised (even a plain += is safe). The grader sees the turns on the workers' work clock
// (when each made its visit() calls). leaderboard is a correct lock. Expected: not_parallel.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const mem = new Int32Array(new SharedArrayBuffer(8)); // [count, turn]
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ mem, w, times }) => {
      while (mem[1] !== w) {}
      for (let i = 0; i < times; i++) mem[0] += visit();
      mem[1] = w + 1;
    }, { mem, w, times: perWorker }));
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

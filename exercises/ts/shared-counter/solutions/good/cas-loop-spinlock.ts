import { score, spawn, visit } from "interleave";
// count: compareExchange retry loop instead of Atomics.add (each visit drawn once, then retried until it lands).
export async function count(workers: number, perWorker: number): Promise<number> {
  const c = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++) {
    hs.push(spawn(({ c, n }) => {
      for (let i = 0; i < n; i++) {
        const people = visit();
        for (;;) {
          const old = Atomics.load(c, 0);
          if (Atomics.compareExchange(c, 0, old, old + people) === old) break;
        }
      }
    }, { c, n: perWorker }));
  }
  for (const r of await Promise.allSettled(hs.map((h) => h.join()))) if (r.status === "rejected") throw r.reason;
  return c[0]!;
}
// leaderboard: spinlock with a bounded spin, then Atomics.wait with a timeout.
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++) {
    hs.push(spawn(({ list, lock, times }) => {
      for (let k = 0; k < times; k++) {
        const value = score();
        let spins = 0;
        while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) {
          if (++spins > 100) { Atomics.wait(lock, 0, 1, 1); spins = 0; }
        }
        const n = list[0]!;
        let i = n;
        while (i > 0 && list[i]! > value) { list[i + 1] = list[i]!; i--; }
        list[i + 1] = value;
        list[0] = n + 1;
        Atomics.store(lock, 0, 0);
        Atomics.notify(lock, 0, 1);
      }
    }, { list, lock, times: perWorker }));
  }
  for (const h of hs) await h.join();
  return Array.from(list.subarray(1, 1 + list[0]!));
}

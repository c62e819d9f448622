import { score, spawn, visit } from "interleave";
// count: Atomics.sub with -visit() on an Int32Array; Promise.all over an array built with map.
export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  await Promise.all(
    [...Array(workers).keys()].map((w) =>
      spawn((d: { counter: Int32Array; times: number; w: number }) => {
        for (let i = 0; i < d.times; i++) Atomics.sub(d.counter, 0, -visit());
        return d.w;
      }, { counter, times: perWorker, w }).join()),
  );
  return counter[0]!;
}
// leaderboard: a Mutex class defined inside the worker; binary search for the slot, copyWithin to shift.
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++) {
    hs.push(spawn(({ list, lock, times }) => {
      class Mutex {
        constructor(private cell: Int32Array) {}
        lock() { while (Atomics.compareExchange(this.cell, 0, 0, 1) !== 0) Atomics.wait(this.cell, 0, 1); }
        unlock() { Atomics.store(this.cell, 0, 0); Atomics.notify(this.cell, 0, 1); }
        with<T>(f: () => T): T { this.lock(); try { return f(); } finally { this.unlock(); } }
      }
      const m = new Mutex(lock);
      for (let k = 0; k < times; k++) {
        const value = score();
        m.with(() => {
          const n = list[0]!;
          let lo = 1, hi = n + 1; // first index in [1, n] with list[i] > value
          while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]! > value) hi = mid; else lo = mid + 1; }
          list.copyWithin(lo + 1, lo, n + 1);
          list[lo] = value;
          list[0] = n + 1;
        });
      }
    }, { list, lock, times: perWorker }));
  }
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]!));
}

// From an independent tester who had read the harness (corpus of stop 19). Verdict here: pass. Lamport's bakery lock from Atomics.load/store, no compareExchange.
// CORRECT (style: no compareExchange at all. count: each worker claims its visits in blocks of
// 1024 with Atomics.add on the counter from a local sum (flushed every block);
// leaderboard: Lamport's bakery lock (choosing[] and number[] arrays, seq-cst Atomics.load/store),
// waiting with timed Atomics.wait on the number cell of the worker ahead; binary-search insert
// with copyWithin; the list is a Uint32Array inside a larger buffer, after the lock arrays).
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const buf = new SharedArrayBuffer(64);
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(([buf, n]: [SharedArrayBuffer, number]) => {
      const c = new Uint32Array(buf, 32, 1);
      let pending = 0;
      for (let i = 1; i <= n; i++) {
        pending += visit();
        if (i % 1024 === 0) { Atomics.add(c, 0, pending); pending = 0; }
      }
      Atomics.add(c, 0, pending);
    }, [buf, perWorker] as [SharedArrayBuffer, number]));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(new Uint32Array(buf, 32, 1), 0);
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const k = workers;
  // layout (Int32 cells): choosing[k] | number[k] | length | scores...
  const buf = new SharedArrayBuffer(4 * (2 * k + 1 + workers * perWorker));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ buf, me, k, times }: { buf: SharedArrayBuffer; me: number; k: number; times: number }) => {
      const choosing = new Int32Array(buf, 0, k);
      const num = new Int32Array(buf, 4 * k, k);
      const meta = new Int32Array(buf, 8 * k, 1);
      const list = new Uint32Array(buf, 8 * k + 4);
      const lock = () => {
        Atomics.store(choosing, me, 1);
        let max = 0;
        for (let j = 0; j < k; j++) max = Math.max(max, Atomics.load(num, j));
        Atomics.store(num, me, max + 1);
        Atomics.store(choosing, me, 0);
        for (let j = 0; j < k; j++) {
          if (j === me) continue;
          while (Atomics.load(choosing, j) !== 0) Atomics.wait(choosing, j, 1, 1);
          for (;;) {
            const nj = Atomics.load(num, j);
            if (nj === 0) break;
            const mine = Atomics.load(num, me);
            if (nj > mine || (nj === mine && j > me)) break;
            Atomics.wait(num, j, nj, 1);
          }
        }
      };
      const unlock = () => { Atomics.store(num, me, 0); Atomics.notify(num, me); };
      for (let t = 0; t < times; t++) {
        const v = score();
        lock();
        const n = meta[0]!;
        let lo = 0, hi = n; // first index with list[idx] > v
        while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]! > v) hi = mid; else lo = mid + 1; }
        list.copyWithin(lo + 1, lo, n);
        list[lo] = v;
        meta[0] = n + 1;
        unlock();
      }
    }, { buf, me: w, k, times: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  const meta = new Int32Array(buf, 8 * k, 1);
  return Array.from(new Uint32Array(buf, 8 * k + 4, meta[0]!));
}

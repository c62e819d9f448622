// From an independent tester who had read the harness (corpus of stop 18).
// CORRECT (style: every visit added with a compareExchange retry loop; leaderboard under a
// Drepper 3-state futex Mutex CLASS defined inside the worker, insert by binary search and
// copyWithin; workers joined one by one after all were started). SHOULD GET: pass.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(function countGate({ counter, n }: { counter: Int32Array; n: number }) {
      for (let i = 0; i < n; i++) {
        const v = visit();
        let seen = counter[0];
        for (;;) {
          const was = Atomics.compareExchange(counter, 0, seen, seen + v);
          if (was === seen) break;
          seen = was;
        }
      }
    }, { counter, n: perWorker }));
  for (const h of hs) await h.join();
  return Atomics.load(counter, 0);
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ list, lock, times }: { list: Int32Array; lock: Int32Array; times: number }) => {
      class Mutex {
        constructor(private cell: Int32Array) {}
        lock() {
          let c = Atomics.compareExchange(this.cell, 0, 0, 1);
          if (c === 0) return;
          if (c !== 2) c = Atomics.exchange(this.cell, 0, 2);
          while (c !== 0) { Atomics.wait(this.cell, 0, 2); c = Atomics.exchange(this.cell, 0, 2); }
        }
        unlock() {
          if (Atomics.sub(this.cell, 0, 1) !== 1) { Atomics.store(this.cell, 0, 0); Atomics.notify(this.cell, 0, 1); }
        }
        with<T>(f: () => T): T { this.lock(); try { return f(); } finally { this.unlock(); } }
      }
      const m = new Mutex(lock);
      for (let i = 0; i < times; i++) {
        const v = score();
        m.with(() => {
          const n = list[0];
          let lo = 1, hi = n + 1; // first slot with a score > v
          while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] > v) hi = mid; else lo = mid + 1; }
          list.copyWithin(lo + 1, lo, n + 1);
          list[lo] = v;
          list[0] = n + 1;
        });
      }
    }, { list, lock, times: perWorker }));
  for (const h of hs) await h.join();
  return Array.from(list.subarray(1, 1 + list[0]));
}

// From an independent tester who had read the harness (corpus of stop 19). Verdict here: pass. Batches merged in place from the back under the lock: a worker that ends while another is halfway through a merge still finds its scores in the list's stretch of memory.
// CORRECT (style: async worker functions; count adds each visit with Atomics.add and yields to
// its own event loop now and then; leaderboard: each worker sorts its own scores privately,
// then takes the lock ONCE PER 64 SCORES and merges that batch into the shared list in place,
// from the back, so the list stays sorted).
import { score, spawn, visit, yieldNow } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = Array.from({ length: workers }, () =>
    spawn(async ({ counter, n }: { counter: Int32Array; n: number }) => {
      for (let i = 0; i < n; i++) {
        Atomics.add(counter, 0, visit());
        if ((i & 0xffff) === 0) await yieldNow();
      }
    }, { counter, n: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(counter, 0);
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = Array.from({ length: workers }, () =>
    spawn(async ({ list, lock, times }: { list: Int32Array; lock: Int32Array; times: number }) => {
      const mine: number[] = [];
      for (let i = 0; i < times; i++) mine.push(score());
      for (let start = 0; start < times; start += 64) {
        const batch = mine.slice(start, start + 64).sort((a, b) => a - b);
        while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
        try {
          // merge from the back: list[1..n] and batch into list[1..n+m]
          const n = list[0]!;
          let i = n, j = batch.length - 1, k = n + batch.length;
          while (j >= 0) {
            if (i > 0 && list[i]! > batch[j]!) list[k--] = list[i--]!;
            else list[k--] = batch[j--]!;
          }
          list[0] = n + batch.length;
        } finally {
          Atomics.store(lock, 0, 0);
          Atomics.notify(lock, 0, 1);
        }
        await yieldNow();
      }
    }, { list, lock, times: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]!));
}

// From an independent tester who had read the harness (corpus of stop 18).
// CORRECT (style: workers get ONE bare SharedArrayBuffer and build their own views at offsets
// [header 16 bytes | counter at byte 8]; Uint32Array counter with Atomics.add; leaderboard in a
// bare buffer too: [lock, length, scores…] with a lock whose waiters spin briefly, then sleep
// with a timed Atomics.wait; data passed as a tuple array). SHOULD GET: pass.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const buf = new SharedArrayBuffer(16);
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(([buf, n]: [SharedArrayBuffer, number]) => {
      const c = new Uint32Array(buf, 8, 1);
      for (let i = 0; i < n; i++) Atomics.add(c, 0, visit());
    }, [buf, perWorker] as [SharedArrayBuffer, number]));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(new Uint32Array(buf, 8, 1), 0);
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const buf = new SharedArrayBuffer(4 * (2 + workers * perWorker));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(([buf, times]: [SharedArrayBuffer, number]) => {
      const a = new Int32Array(buf); // a[0] lock, a[1] length, a[2..] scores
      const take = () => {
        for (let spin = 0; ; spin++) {
          if (Atomics.compareExchange(a, 0, 0, 1) === 0) return;
          if (spin > 50) Atomics.wait(a, 0, 1, 2);
        }
      };
      const give = () => { Atomics.store(a, 0, 0); Atomics.notify(a, 0, 1); };
      for (let i = 0; i < times; i++) {
        const v = score();
        take();
        try {
          const n = a[1]; let j = n;
          while (j > 0 && a[1 + j] > v) { a[2 + j] = a[1 + j]; j--; }
          a[2 + j] = v; a[1] = n + 1;
        } finally { give(); }
      }
    }, [buf, perWorker] as [SharedArrayBuffer, number]));
  await Promise.all(hs.map((h) => h.join()));
  const a = new Int32Array(buf);
  return Array.from(a.subarray(2, 2 + a[1]));
}

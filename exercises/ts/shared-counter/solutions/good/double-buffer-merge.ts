// From an independent tester who had read the harness (corpus of stop 19). Verdict here: pass. The list lives in two buffers the workers switch between under the lock: a worker's scores are in a sorted stretch when it ends, though not where the final list lies.
// CORRECT (style: batch insert by merge into a second buffer, then flip which buffer is current,
// all under one lock per worker). Each worker's scores are in the current list when it ends.
import { score, spawn, visit } from "interleave";
export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ counter, n }) => { for (let i = 0; i < n; i++) Atomics.add(counter, 0, visit()); }, { counter, n: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(counter, 0);
}
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const bufs = [new Int32Array(new SharedArrayBuffer(4 * n)), new Int32Array(new SharedArrayBuffer(4 * n))];
  const meta = new Int32Array(new SharedArrayBuffer(12)); // [lock, length, current buffer]
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ bufs, meta, times }: { bufs: Int32Array[]; meta: Int32Array; times: number }) => {
      const mine: number[] = [];
      for (let i = 0; i < times; i++) mine.push(score());
      mine.sort((a, b) => a - b);
      while (Atomics.compareExchange(meta, 0, 0, 1) !== 0) Atomics.wait(meta, 0, 1);
      const len = meta[1]!, cur = meta[2]!, from = bufs[cur]!, to = bufs[1 - cur]!;
      let i = 0, j = 0, o = 0;
      while (i < len || j < mine.length) to[o++] = j >= mine.length || (i < len && from[i]! <= mine[j]!) ? from[i++]! : mine[j++]!;
      meta[1] = len + mine.length; meta[2] = 1 - cur;
      Atomics.store(meta, 0, 0); Atomics.notify(meta, 0, 1);
    }, { bufs, meta, times: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(bufs[meta[2]!]!.subarray(0, meta[1]!));
}

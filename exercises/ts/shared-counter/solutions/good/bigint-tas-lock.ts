// From an independent tester who had read the harness (corpus of stop 18).
// CORRECT (style: BigInt64Array counter with Atomics.add(counter, 0, BigInt(visit()));
// leaderboard under a test-and-set lock built from Atomics.exchange + Atomics.wait, list and
// length in separate buffers; joins with Promise.allSettled, rethrowing the first failure).
// SHOULD GET: pass.
import { score, spawn, visit } from "interleave";

async function joinAll<T>(hs: { join(): Promise<T> }[]): Promise<T[]> {
  const rs = await Promise.allSettled(hs.map((h) => h.join()));
  for (const r of rs) if (r.status === "rejected") throw r.reason;
  return rs.map((r) => (r as PromiseFulfilledResult<T>).value);
}

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new BigInt64Array(new SharedArrayBuffer(8));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn((d: { counter: BigInt64Array; n: number }) => { for (let i = 0; i < d.n; i++) Atomics.add(d.counter, 0, BigInt(visit())); }, { counter, n: perWorker }));
  await joinAll(hs);
  return Number(Atomics.load(counter, 0));
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const scores = new Int32Array(new SharedArrayBuffer(4 * workers * perWorker));
  const meta = new Int32Array(new SharedArrayBuffer(8)); // [lock, length]
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn((d: { scores: Int32Array; meta: Int32Array; times: number }) => {
      const { scores, meta } = d;
      for (let i = 0; i < d.times; i++) {
        const v = score();
        while (Atomics.exchange(meta, 0, 1) === 1) Atomics.wait(meta, 0, 1);
        try {
          let j = meta[1];
          while (j > 0 && scores[j - 1] > v) { scores[j] = scores[j - 1]; j--; }
          scores[j] = v;
          meta[1] += 1;
        } finally {
          Atomics.store(meta, 0, 0);
          Atomics.notify(meta, 0, 1);
        }
      }
    }, { scores, meta, times: perWorker }));
  await joinAll(hs);
  return Array.from(scores.subarray(0, meta[1]));
}

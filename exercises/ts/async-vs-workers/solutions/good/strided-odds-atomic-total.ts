import { fetchData, spawn } from "interleave";

export const fetchPrices = (ids: number[]) =>
  Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));

// Workers add their counts into one shared total with Atomics.add; join all, read total.
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const total = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let k = 0; k < workers; k++) {
    hs.push(spawn(({ total, k, W, limit }) => {
      // odd numbers in blocks of 250 odds, dealt round-robin
      let local = k === 0 && limit > 2 ? 1 : 0; // count 2 once
      const BLOCK = 500;
      for (let b = k; b * BLOCK < limit; b += W) {
        const lo = b * BLOCK, hi = Math.min(limit, lo + BLOCK);
        for (let n = lo | 1; n < hi; n += 2) {
          if (n < 3) continue;
          let ok = true;
          for (let d = 3; d * d <= n; d += 2) if (n % d === 0) { ok = false; break; }
          if (ok) local++;
        }
      }
      Atomics.add(total, 0, local);
    }, { total, k, W: workers, limit }));
  }
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(total, 0);
}

import { fetchData, spawn, isPrime } from "interleave";

export const fetchPrices = (ids: number[]) =>
  Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));

// Workers add their counts into one shared total with Atomics.add; join all, read total.
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const total = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let k = 0; k < workers; k++) {
    hs.push(spawn(({ total, k, W, limit }) => {
      // blocks of 500 numbers dealt round-robin; each worker adds its count to the shared total
      let local = 0;
      const BLOCK = 500;
      for (let b = k; b * BLOCK < limit; b += W) {
        const lo = Math.max(b * BLOCK, 2), hi = Math.min(limit, b * BLOCK + BLOCK);
        for (let n = lo; n < hi; n++) if (isPrime(n)) local++;
      }
      Atomics.add(total, 0, local);
    }, { total, k, W: workers, limit }));
  }
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(total, 0);
}

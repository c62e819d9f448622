// Another correct style: a work queue in shared memory. Workers claim the next block of 2,000
// numbers with Atomics.add until none are left, so a worker that gets cheap blocks simply
// takes more of them, and each adds its count to a shared total.
import { fetchData, spawn, isPrime } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  const results = new Array<number>(ids.length);
  await Promise.all(
    ids.map(async (id, i) => {
      results[i] = await fetchData<number>(`/price/${id}`);
    }),
  );
  return results;
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  // [next block to claim, primes found so far]
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = ({ shared, limit }: { shared: Int32Array; limit: number }) => {
    const BLOCK = 2000;
    for (;;) {
      const start = Atomics.add(shared, 0, 1) * BLOCK;
      if (start >= limit) return;
      let found = 0;
      for (let n = Math.max(start, 2); n < Math.min(start + BLOCK, limit); n++) {
        if (isPrime(n)) found++;
      }
      Atomics.add(shared, 1, found);
    }
  };
  const handles = [];
  for (let k = 0; k < workers; k++) handles.push(spawn(worker, { shared, limit }));
  for (const h of handles) await h.join();
  return Atomics.load(shared, 1);
}

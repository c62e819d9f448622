// Wrong on purpose: the lookups overlap as they should, but the prime count runs in a single
// worker. The main thread is free, yet only one core works: nothing is parallel.
import { fetchData, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  return spawn(
    (limit: number) => {
      let count = 0;
      for (let n = 2; n < limit; n++) {
        let prime = true;
        for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
        if (prime) count++;
      }
      return count;
    },
    limit,
  ).join();
}

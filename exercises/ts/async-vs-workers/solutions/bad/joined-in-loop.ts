// Wrong on purpose: the numbers are dealt out to 4 workers, but each worker is awaited right
// after it is spawned, so worker 2 only starts once worker 1 is done: the same time as one
// thread, with extra start-up on top.
import { fetchData, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  let total = 0;
  for (let k = 0; k < workers; k++) {
    const handle = spawn(
      ({ limit, first, step, block }) => {
        let count = 0;
        for (let start = first * block; start < limit; start += step * block) {
          for (let n = Math.max(start, 2); n < Math.min(start + block, limit); n++) {
            let prime = true;
            for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
            if (prime) count++;
          }
        }
        return count;
      },
      { limit, first: k, step: workers, block: 1000 },
    );
    total += await handle.join();
  }
  return total;
}

import { fetchData, spawn, isPrime } from "interleave";

/** Waiting: one thread is plenty. All 200 lookups are in flight at the same time. */
export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

/** Computing: each worker is a thread of its own, so the workers share the cores. */
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const handles = [];
  for (let k = 0; k < workers; k++) {
    handles.push(
      spawn(
        ({ limit, first, step, block }) => {
          // Blocks of numbers dealt out like cards: block k, k + step, k + 2·step, … So every
          // worker gets small and big (expensive) numbers alike, and all finish together.
          // (Dealing single numbers would give two of four workers only even numbers,
          // which are rejected at once.)
          let count = 0;
          for (let start = first * block; start < limit; start += step * block) {
            for (let n = Math.max(start, 2); n < Math.min(start + block, limit); n++) {
              if (isPrime(n)) count++;
            }
          }
          return count;
        },
        { limit, first: k, step: workers, block: 1000 },
      ),
    );
  }
  let total = 0;
  for (const handle of handles) total += await handle.join();
  return total;
}

// Wrong on purpose: the lookups are shared out to 4 workers, 50 each. Inside a worker a
// fetch blocks that worker's thread, so each worker does its 50 lookups one after another:
// 2.5 s instead of 50 ms. Threads are the wrong tool for waiting.
import { fetchData, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  const quarter = Math.ceil(ids.length / 4);
  const handles = [0, 1, 2, 3].map((k) =>
    spawn(
      async (part: number[]) => {
        const prices: number[] = [];
        for (const id of part) prices.push(await fetchData<number>(`/price/${id}`));
        return prices;
      },
      ids.slice(k * quarter, (k + 1) * quarter),
    ),
  );
  return (await Promise.all(handles.map((h) => h.join()))).flat();
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const handles = [];
  for (let k = 0; k < workers; k++) {
    handles.push(
      spawn(
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
      ),
    );
  }
  let total = 0;
  for (const handle of handles) total += await handle.join();
  return total;
}

// Wrong on purpose: a worker (a whole thread with its own isolate) for every lookup. The
// lookups only wait, so threads buy nothing here, and 200 of them are far over the budget.
import { fetchData, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  const handles = ids.map((id) => spawn(async (id: number) => fetchData<number>(`/price/${id}`), id));
  return Promise.all(handles.map((h) => h.join()));
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

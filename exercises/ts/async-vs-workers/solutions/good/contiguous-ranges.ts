// Another correct style: each worker takes one contiguous range of numbers. The ranges are
// not equally expensive (big numbers take longer to test), but all workers run at the same
// time and every one of them does a real share.
import { fetchData, spawn, isPrime } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  const prices: Promise<number>[] = [];
  for (const id of ids) prices.push(fetchData<number>(`/price/${id}`));
  return Promise.all(prices);
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const size = Math.ceil(limit / workers);
  const handles = [];
  for (let k = 0; k < workers; k++) {
    const from = k * size;
    const to = Math.min(from + size, limit);
    handles.push(
      spawn(
        ({ from, to }: { from: number; to: number }) => {
          let count = 0;
          for (let n = Math.max(from, 2); n < to; n++) {
            if (isPrime(n)) count++;
          }
          return count;
        },
        { from, to },
      ),
    );
  }
  const counts = await Promise.all(handles.map((h) => h.join()));
  return counts.reduce((a, b) => a + b, 0);
}

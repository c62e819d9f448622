// the main isolate decides every number with isPrime itself while the workers only spin side by
// side; on the main isolate isPrime notes nothing, so no number was decided by a worker: not_parallel.
import { fetchData, isPrime, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const hs = [];
  for (let k = 0; k < workers; k++) {
    hs.push(spawn((d: { ms: number }) => {
      let x = 1;
      const end = Date.now() + d.ms;
      while (Date.now() < end) for (let i = 0; i < 10000; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
      return x;
    }, { ms: 600 }));
  }
  await Promise.resolve();
  let count = 0;
  for (let n = 2; n < limit; n++) if (isPrime(n)) count++;
  for (const h of hs) await h.join();
  return count;
}

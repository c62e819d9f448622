// WRONG (lookups in two sequential batches): fetchPrices awaits the first half of the lookups
// before starting the second half: 2 latencies instead of 1. countPrimes is a correct
// dealt-blocks worker split. SHOULD: fail no_overlap on "the lookups overlap" (statement: all
// ~200 lookups in flight at once take one latency).
import { fetchData, spawn } from "interleave";
export async function fetchPrices(ids: number[]): Promise<number[]> {
  const half = Math.ceil(ids.length / 2);
  const a = await Promise.all(ids.slice(0, half).map((id) => fetchData<number>(`/price/${id}`)));
  const b = await Promise.all(ids.slice(half).map((id) => fetchData<number>(`/price/${id}`)));
  return [...a, ...b];
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ w, k, limit }) => {
      let c = 0;
      for (let s = 2 + w * 1000; s < limit; s += k * 1000) for (let n = s; n < Math.min(s + 1000, limit); n++) if (isPrime(n)) c++;
      return c;
    }, { w, k: workers, limit }));
  return (await Promise.all(hs.map((h) => h.join()))).reduce((x, y) => x + y, 0);
}

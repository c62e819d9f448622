import { fetchData, spawn } from "interleave";
export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
function isPrimeHere(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}
// The worker uses isPrimeHere from the file: not visible in the worker's isolate (only the grader's own isPrime is).
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const hs = [];
  for (let k = 0; k < workers; k++) {
    hs.push(spawn(({ k, W, limit }) => {
      let c = 0;
      for (let n = k; n < limit; n += W) if (isPrimeHere(n)) c++;
      return c;
    }, { k, W: workers, limit }));
  }
  const r = await Promise.all(hs.map((h) => h.join()));
  return r.reduce((a, b) => a + b, 0);
}

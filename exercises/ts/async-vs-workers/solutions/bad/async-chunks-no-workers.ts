import { fetchData } from "interleave";
export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
// "Parallel" with async tasks instead of workers: all on the main thread.
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const part = async (k: number) => {
    let c = 0;
    for (let n = k; n < limit; n += workers) {
      if (n < 2) continue;
      let p = true;
      for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; }
      if (p) c++;
    }
    return c;
  };
  const r = await Promise.all(Array.from({ length: workers }, (_, k) => part(k)));
  return r.reduce((a, b) => a + b, 0);
}

import { fetchData, spawn } from "interleave";
export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  let total = 0;
  for (let k = 0; k < workers; k++) {
    const h = spawn(({ k, W, limit }) => {
      let c = 0;
      for (let s = k * 1000; s < limit; s += W * 1000)
        for (let n = Math.max(2, s); n < Math.min(limit, s + 1000); n++) {
          let p = true;
          for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; }
          if (p) c++;
        }
      return c;
    }, { k, W: workers, limit });
    total += await h.join();
  }
  return total;
}

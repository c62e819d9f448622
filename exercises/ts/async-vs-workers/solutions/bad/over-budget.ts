import { fetchData, spawn } from "interleave";
export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
// "More workers is faster": 16 workers whatever the caller asked for.
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const W = 16;
  const hs = [];
  for (let k = 0; k < W; k++) {
    hs.push(spawn(({ k, W, limit }) => {
      let c = 0;
      for (let s = k * 1000; s < limit; s += W * 1000)
        for (let n = Math.max(2, s); n < Math.min(limit, s + 1000); n++) {
          let p = true;
          for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; }
          if (p) c++;
        }
      return c;
    }, { k, W, limit }));
  }
  const r = await Promise.all(hs.map((h) => h.join()));
  return r.reduce((a, b) => a + b, 0);
}

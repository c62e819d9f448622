import { fetchData, spawn } from "interleave";
export async function fetchPrices(ids: number[]): Promise<number[]> {
  const out: number[] = [];
  for (const id of ids) out.push(await fetchData<number>(`/price/${id}`));
  return out;
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const hs = [];
  for (let k = 0; k < workers; k++) {
    hs.push(spawn(({ k, W, limit }) => {
      let c = 0;
      for (let s = k * 1000; s < limit; s += W * 1000)
        for (let n = Math.max(2, s); n < Math.min(limit, s + 1000); n++) {
          let p = true;
          for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; }
          if (p) c++;
        }
      return c;
    }, { k, W: workers, limit }));
  }
  let t = 0;
  for (const h of hs) t += await h.join();
  return t;
}

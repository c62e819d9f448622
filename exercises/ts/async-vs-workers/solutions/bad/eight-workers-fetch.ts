import { fetchData, spawn } from "interleave";
// 8 workers, each fetching its 25 ids — but fetchData blocks a worker's thread.
export async function fetchPrices(ids: number[]): Promise<number[]> {
  const W = 8;
  const hs = [];
  for (let k = 0; k < W; k++) {
    const mine = ids.filter((_, i) => i % W === k);
    hs.push(spawn(async (mine: number[]) => {
      const r: number[] = [];
      for (const id of mine) r.push(await fetchData<number>(`/price/${id}`));
      return r;
    }, mine));
  }
  const parts = await Promise.all(hs.map((h) => h.join()));
  return ids.map((_, i) => parts[i % W]![Math.floor(i / W)]!);
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

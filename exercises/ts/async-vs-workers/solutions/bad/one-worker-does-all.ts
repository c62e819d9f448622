import { fetchData, spawn } from "interleave";
export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const hs = [];
  for (let k = 0; k < workers; k++) {
    hs.push(spawn(({ k, limit }) => {
      if (k !== 0) return 0; // "the others help later"
      let c = 0;
      for (let n = 2; n < limit; n++) {
        let p = true;
        for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; }
        if (p) c++;
      }
      return c;
    }, { k, limit }));
  }
  const r = await Promise.all(hs.map((h) => h.join()));
  return r.reduce((a, b) => a + b, 0);
}

import { fetchData, spawn } from "interleave";
export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const total = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let k = 0; k < workers; k++) {
    handles.push(spawn(({ total, k, W, limit }) => {
      let c = 0;
      for (let s = k * 1000; s < limit; s += W * 1000)
        for (let n = Math.max(2, s); n < Math.min(limit, s + 1000); n++) {
          let p = true;
          for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; }
          if (p) c++;
        }
      Atomics.add(total, 0, c);
    }, { total, k, W: workers, limit }));
  }
  handles.forEach((h) => h.join());
  return Atomics.load(total, 0);
}

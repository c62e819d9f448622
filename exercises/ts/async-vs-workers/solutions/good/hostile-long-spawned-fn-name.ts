import { fetchData, spawn, task, sleep, channel, yieldNow, io, isPrime } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const longName = "w" + "orker".repeat(20000);
  const holder: Record<string, (d: { k: number; W: number; limit: number }) => number> = {
    [longName]: ({ k, W, limit }) => {
      let c = 0;
      for (let s = k * 1000; s < limit; s += W * 1000)
        for (let n = Math.max(2, s); n < Math.min(limit, s + 1000); n++) {
          if (isPrime(n)) c++;
        }
      return c;
    },
  };
  const fn = holder[longName]!;
  const hs = Array.from({ length: workers }, (_, k) => spawn(fn, { k, W: workers, limit }));
  const r = await Promise.all(hs.map((h) => h.join()));
  return r.reduce((a, b) => a + b, 0);
}

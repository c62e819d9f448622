// every worker decides every number (the same work W times over) and the first count is
// returned: all threads busy at the same time, but nothing divided. A number decided by more
// than one worker is work done twice: wrong_result.
import { fetchData, isPrime, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const hs = Array.from({ length: workers }, () =>
    spawn(({ limit }) => {
      let c = 0;
      for (let n = 2; n < limit; n++) if (isPrime(n)) c++;
      return c;
    }, { limit }),
  );
  const counts = await Promise.all(hs.map((h) => h.join()));
  return counts[0]!;
}

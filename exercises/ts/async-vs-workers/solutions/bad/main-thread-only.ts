// Wrong on purpose: async all the way, but no worker. `async` and chunks with yieldNow keep
// the event loop responsive; they do not add a core. All the counting runs on the main thread.
import { fetchData, yieldNow } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

async function countBlock(from: number, to: number): Promise<number> {
  let count = 0;
  for (let n = Math.max(from, 2); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (prime) count++;
  }
  await yieldNow();
  return count;
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const size = Math.ceil(limit / workers);
  const parts = await Promise.all(Array.from({ length: workers }, (_, k) => countBlock(k * size, Math.min((k + 1) * size, limit))));
  return parts.reduce((a, b) => a + b, 0);
}

import { fetchData, spawn, isPrime } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  const pending = ids.map((id) => fetchData<number>(`/price/${id}`));
  const out: number[] = [];
  for await (const p of pending) out.push(p);
  return out;
}

// Work stealing: a shared "next block" counter; each worker grabs blocks with Atomics.add.
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const handles = Array.from({ length: workers }, () =>
    spawn(
      ({ next, limit, block }) => {
        let count = 0;
        for (;;) {
          const b = Atomics.add(next, 0, 1);
          const from = b * block;
          if (from >= limit) break;
          const to = Math.min(limit, from + block);
          for (let n = Math.max(2, from); n < to; n++) {
            if (isPrime(n)) count++;
          }
        }
        return count;
      },
      { next, limit, block: 2000 },
    ),
  );
  const counts = await Promise.all(handles.map((h) => h.join()));
  return counts.reduce((a, b) => a + b, 0);
}

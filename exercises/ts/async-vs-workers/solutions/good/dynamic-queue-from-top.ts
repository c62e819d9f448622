// Dynamic work queue. A shared cursor (Atomics.add) hands out
// blocks of 64 numbers from the TOP of the range down; each worker grabs blocks until none is left.
// All workers decide numbers at the same time; balanced by construction.
// Expected: pass.
import { fetchData, isPrime, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const cursor = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ cursor, limit }) => {
          const B = 64;
          let count = 0;
          for (;;) {
            const k = Atomics.add(cursor, 0, 1);
            const hi = limit - k * B;
            if (hi <= 2) break;
            const lo = Math.max(2, hi - B);
            for (let x = hi - 1; x >= lo; x--) if (isPrime(x)) count++;
          }
          return count;
        },
        { cursor, limit },
      ),
    );
  }
  const counts = await Promise.all(handles.map((h) => h.join()));
  return counts.reduce((a, b) => a + b, 0);
}

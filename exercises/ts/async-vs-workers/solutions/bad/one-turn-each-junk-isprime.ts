// Strictly one worker at a time, ONE turn each. Worker k owns a contiguous
// cost-balanced range, but only decides it when `turn` names it; before and after its turn it
// calls isPrime on junk numbers at or above `limit` (still below 2^20, so each call is "fresh",
// noted and ticks the work clock, yet the test ignores numbers >= limit and the repeat check is per
// worker). Its work log thus grows at full rate while it waits. Only one worker decides numbers
// below `limit` at any moment.
// Expected: fail not_parallel (took_turns: no counted number decided while another worker decides one).
import { fetchData, isPrime, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const bounds = [2];
  for (let k = 1; k < workers; k++) bounds.push(Math.floor(limit * Math.pow(k / workers, 2 / 3)));
  bounds.push(limit);
  const turn = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ turn, me, n, from, to, limit }) => {
          let j = limit;
          const junk = () => {
            if (j < 1048576) isPrime(j++);
          };
          while (Atomics.load(turn, 0) !== me) for (let i = 0; i < 8; i++) junk();
          let count = 0;
          for (let x = from; x < to; x++) if (isPrime(x)) count++;
          Atomics.store(turn, 0, me + 1);
          while (Atomics.load(turn, 0) < n) for (let i = 0; i < 8; i++) junk();
          return count;
        },
        { turn, me: w, n: workers, from: bounds[w], to: bounds[w + 1], limit },
      ),
    );
  }
  const counts = await Promise.all(handles.map((h) => h.join()));
  return counts.reduce((a, b) => a + b, 0);
}

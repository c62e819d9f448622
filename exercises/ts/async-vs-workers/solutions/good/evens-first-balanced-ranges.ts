// Contiguous ranges balanced by estimated cost (boundaries at
// limit * sqrt-ish fractions), and inside its range each worker first decides every even number
// (one trial division each, a cheap pass), then the odd ones. Worker k starts its cheap pass at a
// different point: even workers do evens first, odd workers do evens last, so at any moment some
// worker is in its cheap pass. All workers decide numbers the whole time.
// Expected: pass.
import { fetchData, isPrime, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  // cost of deciding numbers below x grows like x^1.5: equal-cost boundaries
  const bounds = [2];
  for (let k = 1; k < workers; k++) bounds.push(Math.floor(limit * Math.pow(k / workers, 2 / 3)));
  bounds.push(limit);
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ from, to, evensFirst }) => {
          let count = 0;
          const evens = () => {
            for (let x = from + (from % 2); x < to; x += 2) if (isPrime(x)) count++;
          };
          const odds = () => {
            for (let x = from + 1 - (from % 2); x < to; x += 2) if (isPrime(x)) count++;
          };
          if (evensFirst) {
            evens();
            odds();
          } else {
            odds();
            evens();
          }
          return count;
        },
        { from: bounds[w], to: bounds[w + 1], evensFirst: w % 2 === 0 },
      ),
    );
  }
  const counts = await Promise.all(handles.map((h) => h.join()));
  return counts.reduce((a, b) => a + b, 0);
}

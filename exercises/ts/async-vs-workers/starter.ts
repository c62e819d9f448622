import { fetchData, isPrime } from "interleave";

/**
 * Looks up the price of every product id with fetchData(`/price/${id}`) and returns the
 * prices in the order of `ids`. Each lookup waits for the server (about 50 ms).
 */
export async function fetchPrices(ids: number[]): Promise<number[]> {
  const prices: number[] = [];
  for (const id of ids) prices.push(await fetchData<number>(`/price/${id}`));
  return prices;
}

/**
 * Counts the primes below `limit`, splitting the work across `workers` workers: every number
 * from 2 to limit - 1 is decided by one isPrime(n) call on a worker.
 * (For now it ignores `workers` and does everything on the main thread.)
 */
export async function countPrimes(limit: number, workers: number): Promise<number> {
  let count = 0;
  for (let n = 2; n < limit; n++) if (isPrime(n)) count++;
  return count;
}

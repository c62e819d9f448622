import { fetchData } from "interleave";

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
 * Counts the primes below `limit`, splitting the work across `workers` workers.
 * (For now it ignores `workers` and does everything on the main thread.)
 */
export async function countPrimes(limit: number, workers: number): Promise<number> {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

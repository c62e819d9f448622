// Wrong on purpose: the workers are spawned (so the call "uses" threads), but they are given
// nothing to do; the main function counts every prime itself while they sit idle.
import { fetchData, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const helpers = Array.from({ length: workers }, (_, k) => spawn((k: number) => k, k));
  let count = 0;
  for (let n = 2; n < limit; n++) if (isPrime(n)) count++;
  await Promise.all(helpers.map((h) => h.join()));
  return count;
}

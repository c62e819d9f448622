// Wrong on purpose (a cheat): the right shape without the work. One number per id after one
// latency of waiting, and an estimate of the prime count (limit / ln limit) from idle workers.
import { sleep, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  await sleep(50);
  return ids.map(() => 50);
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const idle = Array.from({ length: workers }, (_, k) => spawn((k: number) => k, k));
  await Promise.all(idle.map((h) => h.join()));
  return Math.round(limit / Math.log(limit));
}

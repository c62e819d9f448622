import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const h = spawn(() => { const o: Record<string, number> = {}; for (let i = 0; i < 1_000_000; i++) o["k" + i] = i; return 1; }, null);
  return (await h.join()) as number;
}

import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchPrices(ids: number[]): Promise<any> {
  const p: any[] = await Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
  p.push(p);
  return p;
}
export async function countPrimes(limit: number, workers: number): Promise<number> { return 0; }

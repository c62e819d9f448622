import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const h = spawn(() => { let a: any = []; for (let i = 0; i < 200000; i++) a = [a]; return a; }, null);
  const r = await h.join();
  return Array.isArray(r) ? 1 : 0;
}

import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const data: any = {};
  Object.defineProperty(data, "limit", { enumerable: true, get() { throw new Error("getter in spawn data"); } });
  const h = spawn((d: any) => d.limit, data);
  return (await h.join()) as number;
}

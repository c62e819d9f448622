import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const hs = Array.from({ length: workers }, (_, k) => spawn(({ k }) => ({ k, s: Symbol("x") }), { k }));
  const r = await Promise.all(hs.map((h) => h.join()));
  return r.length;
}

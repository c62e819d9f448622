import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const m = new Map<number, number>();
  for (let i = 0; i < 5_000_000; i++) m.set(i, i);
  return Promise.all(urls.map((u) => fetchData<string>(u)));
}

import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<any> {
  const a = await Promise.all(urls.map((u) => fetchData(u)));
  return () => a;
}

import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<any> {
  await Promise.all(urls.map((u) => fetchData(u)));
  throw undefined;
}

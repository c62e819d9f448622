import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

class Evil extends Error {
  get message(): string { throw new Error("message getter exploded"); }
  get stack(): string { throw new Error("stack getter exploded"); }
}
export async function fetchAll(urls: string[]): Promise<any> {
  await Promise.all(urls.map((u) => fetchData(u)));
  throw new Evil();
}

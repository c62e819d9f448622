import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const name = "N".repeat(500);
  const pending = urls.map((u) => fetchData<string>(u));
  await task(name, () => io("L".repeat(100_000), 1, 1));
  return Promise.all(pending);
}

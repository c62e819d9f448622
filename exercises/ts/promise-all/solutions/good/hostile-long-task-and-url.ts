import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const name = "T".repeat(1_000_000);
  const out = await Promise.all(urls.map((u) => task(name, () => fetchData<string>(u))));
  // a long url too (not part of the answers)
  try { await task(name, () => fetchData("/" + "u".repeat(5000))); } catch {}
  return out as string[];
}

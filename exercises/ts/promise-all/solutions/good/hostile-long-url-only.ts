import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

// A correct solution that also probes one long (unknown) url and ignores its failure.
export async function fetchAll(urls: string[]): Promise<string[]> {
  const probe = fetchData("/" + "u".repeat(250)).catch(() => null);
  const out = await Promise.all(urls.map((u) => fetchData<string>(u)));
  await probe;
  return out;
}

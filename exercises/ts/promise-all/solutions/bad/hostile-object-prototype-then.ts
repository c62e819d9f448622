import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

// Every object becomes a thenable that never settles (student shoots own foot).
export async function fetchAll(urls: string[]): Promise<string[]> {
  const out = await Promise.all(urls.map((u) => fetchData<string>(u)));
  Object.defineProperty(Object.prototype, "then", { configurable: true, get() { return (_res: unknown) => {}; } });
  return out;
}

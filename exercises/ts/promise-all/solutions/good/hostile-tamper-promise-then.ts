import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const pending = urls.map((u) => fetchData<string>(u));
  const origThen = Promise.prototype.then;
  (Promise.prototype as any).then = function (this: Promise<unknown>, a: any, b: any) { return origThen.call(this, a, b); };
  (globalThis as any).Promise = function FakePromise() { throw new Error("no promises for you"); };
  const out: string[] = [];
  for (const p of pending) out.push(await p);
  return out;
}

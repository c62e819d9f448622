import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

const realAll = Promise.all.bind(Promise);
export async function fetchAll(urls: string[]): Promise<string[]> {
  const pending = urls.map((u) => fetchData<string>(u));
  (globalThis as any).JSON = { stringify() { throw new Error("no JSON"); }, parse() { throw new Error("no JSON"); } };
  (globalThis as any).Atomics = undefined;
  (Array.prototype as any).map = function () { throw new Error("map poisoned"); };
  (Array.prototype as any).slice = function () { return ["poisoned"]; };
  (Object.prototype as any).toJSON = function () { return "poisoned"; };
  (Function.prototype as any).toString = function () { return "() => { throw 1 }"; };
  (Promise as any).all = () => { throw new Error("Promise.all poisoned"); };
  const out = await realAll(pending);
  return out;
}

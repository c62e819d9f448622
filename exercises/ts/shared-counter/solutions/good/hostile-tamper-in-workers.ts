import { fetchData, spawn, task, sleep, channel, yieldNow, io, visit, score } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ counter, times }) => {
      const add = Atomics.add, wait = Atomics.wait;
      (globalThis as any).Atomics = { wait() { throw new Error("poisoned"); }, notify() { throw new Error("poisoned"); } };
      (globalThis as any).Date = undefined;
      (globalThis as any).JSON = undefined;
      (globalThis as any).Math = undefined;
      (Array.prototype as any).push = () => { throw new Error("push poisoned"); };
      for (let i = 0; i < times; i++) add(counter, 0, visit());
      return { toJSON() { throw new Error("toJSON"); } } as unknown as number;
    }, { counter, times: perWorker }));
  for (const h of hs) await h.join().catch(() => 0);
  return counter[0]!;
}
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++) hs.push(spawn(({ list, lock, times }) => {
    const cas = Atomics.compareExchange, wait = Atomics.wait, store = Atomics.store, notify = Atomics.notify;
    (globalThis as any).Atomics = undefined;
    (globalThis as any).Math = undefined;
    for (let k = 0; k < times; k++) {
      const value = score();
      while (cas(lock, 0, 0, 1) !== 0) wait(lock, 0, 1);
      const n = list[0]!; let i = n;
      while (i > 0 && list[i]! > value) { list[i + 1] = list[i]!; i--; }
      list[i + 1] = value; list[0] = n + 1;
      store(lock, 0, 0); notify(lock, 0, 1);
    }
  }, { list, lock, times: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]!));
}

import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ counter, times }) => {
      const add = Atomics.add, wait = Atomics.wait;
      (globalThis as any).Atomics = { wait() { throw new Error("poisoned"); }, notify() { throw new Error("poisoned"); } };
      (globalThis as any).Date = undefined;
      (globalThis as any).JSON = undefined;
      (Array.prototype as any).push = () => { throw new Error("push poisoned"); };
      for (let i = 0; i < times; i++) add(counter, 0, 1);
      return { toJSON() { throw new Error("toJSON"); } } as unknown as number;
    }, { counter, times: perWorker }));
  for (const h of hs) await h.join().catch(() => 0);
  return counter[0]!;
}
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const scores: number[] = [];
  for (let w = 0; w < workers; w++) for (let i = 0; i < perWorker; i++) scores.push(i * workers + w);
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++) hs.push(spawn(({ list, lock, scores }) => {
    const cas = Atomics.compareExchange, wait = Atomics.wait, store = Atomics.store, notify = Atomics.notify;
    (globalThis as any).Atomics = undefined;
    for (const score of scores) {
      while (cas(lock, 0, 0, 1) !== 0) wait(lock, 0, 1);
      const n = list[0]!; let i = n;
      while (i > 0 && list[i]! > score) { list[i + 1] = list[i]!; i--; }
      list[i + 1] = score; list[0] = n + 1;
      store(lock, 0, 0); notify(lock, 0, 1);
    }
  }, { list, lock, scores: scores.filter((s) => s % workers === w) }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]!));
}

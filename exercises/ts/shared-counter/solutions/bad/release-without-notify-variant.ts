import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ counter, times }) => { for (let i = 0; i < times; i++) Atomics.add(counter, 0, visit()); }, { counter, times: perWorker }));
  for (const h of hs) await h.join();
  return counter[0]!;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++) {
    hs.push(spawn(({ list, lock, times }) => {
      for (let k = 0; k < times; k++) {
        const value = score();
        while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
        const n = list[0]!;
        let i = n;
        while (i > 0 && list[i]! > value) { list[i + 1] = list[i]!; i--; }
        list[i + 1] = value;
        list[0] = n + 1;
        Atomics.store(lock, 0, 0); // forgot Atomics.notify
      }
    }, { list, lock, times: perWorker }));
  }
  for (const h of hs) await h.join();
  return Array.from(list.subarray(1, 1 + list[0]!));
}

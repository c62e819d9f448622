// Wrong on purpose: the workers are tokens (each returns 0 at once); the main function computes
// the count itself. The only way to know the visitors is to make the visits, so main makes every
// one of them: the total is right, but the main isolate did the work, not the workers.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const hs = Array.from({ length: workers }, () => spawn(() => 0, null));
  await Promise.all(hs.map((h) => h.join()));
  let total = 0;
  for (let i = 0; i < workers * perWorker; i++) total += visit();
  return total;
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
        Atomics.store(lock, 0, 0);
        Atomics.notify(lock, 0, 1);
      }
    }, { list, lock, times: perWorker }));
  }
  for (const h of hs) await h.join();
  return Array.from(list.subarray(1, 1 + list[0]!));
}

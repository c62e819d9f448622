// WRONG (one worker does the whole leaderboard, no lock): workers-1 workers are spawned and do
// nothing; worker 0 draws all workers*perWorker scores and inserts them with no lock.
// count() is the reference Atomics.add. Expected: not_parallel (the scores were not divided).
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ counter, times }) => { for (let i = 0; i < times; i++) Atomics.add(counter, 0, visit()); }, { counter, times: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(counter, 0);
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ list, times }) => {
      for (let k = 0; k < times; k++) {
        const value = score();
        const n = list[0]!;
        let i = n;
        while (i > 0 && list[i]! > value) { list[i + 1] = list[i]!; i--; }
        list[i + 1] = value;
        list[0] = n + 1;
      }
    }, { list, times: w === 0 ? workers * perWorker : 0 }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]!));
}

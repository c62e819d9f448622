import { fetchData, spawn, task, sleep, channel, yieldNow, io, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ counter, times }) => { for (let i = 0; i < times; i++) Atomics.add(counter, 0, visit()); }, { counter, times: perWorker }));
  if (workers > 0) throw new Error("oops: my own bug right after spawning");
  for (const h of hs) await h.join();
  return counter[0]!;
}
export async function leaderboard(): Promise<number[]> { return []; }

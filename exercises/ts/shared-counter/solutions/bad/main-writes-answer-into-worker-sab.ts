// main makes every visit itself (and draws and sorts every score), writes the count (and the sorted leaderboard) into a SharedArrayBuffer before spawning, and hands it to decoy workers that only burn CPU side by side; the host "reads the workers' memory" and finds the answer there.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  let total = 0;
  for (let i = 0; i < workers * perWorker; i++) total += visit();
  counter[0] = total; // the "count", written by main before any worker runs
  const handles = [];
  for (let w = 0; w < workers; w++) handles.push(spawn(({ counter, ms }) => {
    const end = Date.now() + ms;
    let x = 0;
    while (Date.now() < end) for (let i = 0; i < 10000; i++) x = (x * 31 + i) | 0;
    return x & 1 ? counter.length : 0;
  }, { counter, ms: 250 }));
  for (const h of handles) await h.join();
  return total;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const sorted = Array.from({ length: n }, () => score()).sort((a, b) => a - b); // drawn and sorted by main
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + n)));
  list[0] = n;
  list.set(sorted, 1);
  const handles = [];
  for (let w = 0; w < workers; w++) handles.push(spawn(({ list }) => list.length, { list }));
  for (const h of handles) await h.join();
  return sorted;
}

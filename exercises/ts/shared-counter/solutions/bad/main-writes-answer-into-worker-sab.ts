// main computes workers*perWorker (and the sorted leaderboard) itself and writes it into a SharedArrayBuffer it hands to decoy workers that only burn CPU side by side; the host "reads the workers' memory" and finds the answer there.
import { spawn } from "interleave";

function spinner(d: { ms: number }) {
  const end = Date.now() + d.ms;
  let x = 0;
  while (Date.now() < end) for (let i = 0; i < 10000; i++) x = (x * 31 + i) | 0;
  return x & 1;
}

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  counter[0] = workers * perWorker; // the "count", written by main before any worker runs
  const handles = [];
  for (let w = 0; w < workers; w++) handles.push(spawn(({ counter, ms }) => {
    const end = Date.now() + ms;
    let x = 0;
    while (Date.now() < end) for (let i = 0; i < 10000; i++) x = (x * 31 + i) | 0;
    return x & 1 ? counter.length : 0;
  }, { counter, ms: 250 }));
  for (const h of handles) await h.join();
  return workers * perWorker;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + n)));
  list[0] = n;
  for (let i = 0; i < n; i++) list[i + 1] = i; // sorted, computed by main
  const handles = [];
  for (let w = 0; w < workers; w++) handles.push(spawn(({ list }) => list.length, { list }));
  for (const h of handles) await h.join();
  void spinner;
  return Array.from({ length: n }, (_, i) => i);
}

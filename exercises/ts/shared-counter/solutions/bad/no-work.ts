// Wrong on purpose (a cheat): the right shape and plausible numbers from arithmetic — workers ×
// perWorker × 2 (a visit brings 2 people on average), and evenly spread scores in order.
// Workers are started and given the counter, but nobody makes a visit or adds anything to it:
// the grader knows no visit was made, and reads the counter and finds 0.
import { spawn } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = Array.from({ length: workers }, () => spawn(({ counter }) => Atomics.load(counter, 0), { counter }));
  for (const h of handles) await h.join();
  return workers * perWorker * 2;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  return Array.from({ length: n }, (_, i) => Math.floor((i * 1_000_000) / n));
}

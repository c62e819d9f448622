// Wrong on purpose (a cheat): the right shape and even the right numbers — workers x perWorker,
// and the scores in order — from arithmetic. Workers are started and given the counter, but
// nobody adds anything to it: the grader reads it and finds 0.
import { spawn } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = Array.from({ length: workers }, () => spawn(({ counter }) => Atomics.load(counter, 0), { counter }));
  for (const h of handles) await h.join();
  return workers * perWorker;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  return Array.from({ length: workers * perWorker }, (_, i) => i);
}

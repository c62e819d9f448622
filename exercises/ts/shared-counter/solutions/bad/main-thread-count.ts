// Wrong on purpose: no worker at all. The main function makes every visit and adds it itself;
// the total is right, but one thread did all of it.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < workers * perWorker; i++) Atomics.add(counter, 0, visit());
  return Atomics.load(counter, 0);
}

// Part 2, with a lock made of one shared integer (0 = free, 1 = taken).
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ list, lock, times }) => {
          for (let k = 0; k < times; k++) {
            const value = score();
            while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
            let i = list[0];
            const n = i;
            while (i > 0 && list[i] > value) {
              list[i + 1] = list[i];
              i--;
            }
            list[i + 1] = value;
            list[0] = n + 1;
            Atomics.store(lock, 0, 0);
            Atomics.notify(lock, 0, 1);
          }
        },
        { list, lock, times: perWorker },
      ),
    );
  }
  for (const handle of handles) await handle.join();
  return Array.from(list.subarray(1, 1 + list[0]));
}

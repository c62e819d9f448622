// Wrong on purpose: the count is right, but the leaderboard has no lock. Two workers inside
// insert() at the same time move the same scores and overwrite each other's writes, so
// scores disappear or appear twice.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, times }) => {
          // Read, add and write as one indivisible step: no other worker can slip in between.
          for (let i = 0; i < times; i++) Atomics.add(counter, 0, visit());
        },
        { counter, times: perWorker },
      ),
    );
  }
  for (const handle of handles) await handle.join();
  return Atomics.load(counter, 0);
}

/**
 * Part 2: a leaderboard. `workers` workers each draw `perWorker` scores with score() and insert
 * them into ONE sorted list in shared memory, and the function returns the final list.
 * insert() keeps the list sorted by moving every bigger score one slot up: many plain reads
 * and writes, which must not interleave with another worker's insert().
 */
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  // Slot 0: how many scores the list holds; slots 1, 2, …: the scores, smallest first.
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  // One shared 32-bit integer for your lock: 0 = unlocked, 1 = locked.
  const lock = new Int32Array(new SharedArrayBuffer(4));

  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ list, lock, times }) => {
          const insert = (value: number) => {
            const n = list[0];
            let i = n;
            while (i > 0 && list[i] > value) {
              list[i + 1] = list[i];
              i--;
            }
            list[i + 1] = value;
            list[0] = n + 1;
          };
          for (let k = 0; k < times; k++) {
            insert(score());
          }
        },
        { list, lock, times: perWorker },
      ),
    );
  }
  for (const handle of handles) await handle.join();
  return Array.from(list.subarray(1, 1 + list[0]));
}

// Wrong on purpose: `counter[0] += visit()` is a separate read and write, so concurrent workers
// overwrite each other's additions.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, times }) => {
          for (let i = 0; i < times; i++) counter[0] += visit();
        },
        { counter, times: perWorker },
      ),
    );
  }
  for (const handle of handles) await handle.join();
  return counter[0];
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
          // The lock: one shared integer, 0 = free, 1 = taken.
          const acquire = () => {
            // Take it if it is free (0 -> 1 in one indivisible step); otherwise sleep until
            // its value is no longer 1, then try again.
            while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
          };
          const release = () => {
            Atomics.store(lock, 0, 0);
            Atomics.notify(lock, 0, 1); // wake one sleeping worker, if any
          };
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
            acquire();
            insert(score());
            release();
          }
        },
        { list, lock, times: perWorker },
      ),
    );
  }
  for (const handle of handles) await handle.join();
  return Array.from(list.subarray(1, 1 + list[0]));
}

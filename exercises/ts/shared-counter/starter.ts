import { score, spawn, visit } from "interleave";

/**
 * Starts `workers` workers that each make `perWorker` visits (visit() says how many people came
 * through: 1, 2 or 3) and add every visit to a shared counter, waits for all of them, and
 * returns the final count: how many people came in all.
 */
export async function count(workers: number, perWorker: number): Promise<number> {
  // One 32-bit integer that every worker sees: the memory is shared, not copied.
  const counter = new Int32Array(new SharedArrayBuffer(4));

  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, times }) => {
          for (let i = 0; i < times; i++) {
            counter[0] += visit(); // TODO: is this safe when other workers do it at the same time?
          }
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
          for (let i = 0; i < times; i++) {
            // TODO: only one worker at a time may be inside insert(). Build a lock on `lock`
            // from Atomics.compareExchange, Atomics.wait and Atomics.notify.
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

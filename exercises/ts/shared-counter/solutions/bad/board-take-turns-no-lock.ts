// No lock at all. All workers are spawned together, but each one
// sleeps in Atomics.wait on a shared `turn` cell until every worker before it has ended its whole
// run (worker k inserts all its scores, then hands the turn to k+1). The starter's unprotected
// insert() is never raced, so the list is right, yet no two workers ever insert at the same time
// and no lock is ever built or tested. count() is the plain correct Atomics.add solution.
// Expected: fail not_parallel for leaderboard (workers ran one after another; the statement:
// "The workers must run at the same time ... workers joined one by one never race, so they prove
// no lock").
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, times }) => {
          for (let i = 0; i < times; i++) Atomics.add(counter, 0, visit());
        },
        { counter, times: perWorker },
      ),
    );
  }
  await Promise.all(handles.map((h) => h.join()));
  return counter[0];
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const turn = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ list, turn, me, times }) => {
          for (let t = Atomics.load(turn, 0); t !== me; t = Atomics.load(turn, 0)) Atomics.wait(turn, 0, t);
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
          for (let i = 0; i < times; i++) insert(score()); // no lock: nobody else is inserting
          Atomics.store(turn, 0, me + 1);
          Atomics.notify(turn, 0);
        },
        { list, turn, me: w, times: perWorker },
      ),
    );
  }
  await Promise.all(handles.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]));
}

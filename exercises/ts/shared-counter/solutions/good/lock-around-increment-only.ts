// The counter is protected by a hand-built mutex (as in the
// statement's Rust `Arc<Mutex<usize>>` remark) instead of Atomics.add. visit() is called OUTSIDE
// the lock, so the workers really make their visits at the same time; only the `+=` is locked.
// Expected: pass (or at worst a slow-but-correct timeout, never not_parallel).
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, lock, times }) => {
          for (let i = 0; i < times; i++) {
            const v = visit();
            while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
            counter[0] += v;
            Atomics.store(lock, 0, 0);
            Atomics.notify(lock, 0, 1);
          }
        },
        { counter, lock, times: perWorker },
      ),
    );
  }
  await Promise.all(handles.map((h) => h.join()));
  return counter[0];
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
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
            const s = score();
            while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
            insert(s);
            Atomics.store(lock, 0, 0);
            Atomics.notify(lock, 0, 1);
          }
        },
        { list, lock, times: perWorker },
      ),
    );
  }
  await Promise.all(handles.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]));
}

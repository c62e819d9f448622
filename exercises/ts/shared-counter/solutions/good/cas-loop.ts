// Another correct style: each visit is added with a compare-and-swap loop (draw the visit once,
// read the value, try to swap in value + visit, retry if another worker changed it in between),
// and the workers are joined together with Promise.all.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const increment = ({ counter, times }: { counter: Int32Array; times: number }) => {
    for (let i = 0; i < times; i++) {
      const people = visit();
      let seen = Atomics.load(counter, 0);
      for (;;) {
        const before = Atomics.compareExchange(counter, 0, seen, seen + people);
        if (before === seen) break;
        seen = before;
      }
    }
  };
  const handles = Array.from({ length: workers }, () => spawn(increment, { counter, times: perWorker }));
  await Promise.all(handles.map((h) => h.join()));
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

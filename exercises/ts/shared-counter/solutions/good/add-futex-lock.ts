import { score, spawn, visit } from "interleave";
export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = Array.from({ length: workers }, () =>
    spawn(({ counter, times }) => { for (let i = 0; i < times; i++) Atomics.add(counter, 0, visit()); },
      { counter, times: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(counter, 0);
}
// Drepper-style 3-state mutex: 0 free, 1 locked, 2 locked with waiters.
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++) {
    hs.push(spawn(({ list, lock, times }) => {
      const acquire = () => {
        let c = Atomics.compareExchange(lock, 0, 0, 1);
        if (c === 0) return;
        if (c !== 2) c = Atomics.exchange(lock, 0, 2);
        while (c !== 0) {
          Atomics.wait(lock, 0, 2);
          c = Atomics.exchange(lock, 0, 2);
        }
      };
      const release = () => {
        if (Atomics.sub(lock, 0, 1) !== 1) {
          Atomics.store(lock, 0, 0);
          Atomics.notify(lock, 0, 1);
        }
      };
      for (let k = 0; k < times; k++) {
        const value = score(); // drawn outside the lock: only the insert needs it
        acquire();
        try {
          const n = list[0]!;
          let i = n;
          while (i > 0 && list[i]! > value) { list[i + 1] = list[i]!; i--; }
          list[i + 1] = value;
          list[0] = n + 1;
        } finally {
          release();
        }
      }
    }, { list, lock, times: perWorker }));
  }
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]!));
}

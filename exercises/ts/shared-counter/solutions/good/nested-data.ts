// From an independent tester who had read the harness (corpus of stop 18).
// CORRECT (style: the reference algorithm, but each worker's data is a config
// object that nests the shared state four levels deep: { cfg: { shared: { mem: { counter } } } }).
// SHOULD GET: pass (the host searches spawn data 6 levels deep).
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn((d: { cfg: { gate: number; times: number; shared: { mem: { counter: Int32Array } } } }) => {
      const c = d.cfg.shared.mem.counter;
      for (let i = 0; i < d.cfg.times; i++) Atomics.add(c, 0, visit());
    }, { cfg: { gate: w, times: perWorker, shared: { mem: { counter } } } }));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(counter, 0);
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn((d: { cfg: { times: number; shared: { mem: { list: Int32Array; lock: Int32Array } } } }) => {
      const { list, lock } = d.cfg.shared.mem;
      for (let i = 0; i < d.cfg.times; i++) {
        const v = score();
        while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
        const n = list[0]; let j = n;
        while (j > 0 && list[j] > v) { list[j + 1] = list[j]; j--; }
        list[j + 1] = v; list[0] = n + 1;
        Atomics.store(lock, 0, 0); Atomics.notify(lock, 0, 1);
      }
    }, { cfg: { times: perWorker, shared: { mem: { list, lock } } } }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]));
}

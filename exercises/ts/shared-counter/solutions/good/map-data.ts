// From an independent tester who had read the harness (corpus of stop 19). Verdict here: pass. The spawn data is a Map: the grader looks into Maps and Sets for shared memory.
// CORRECT: the reference algorithm, but spawn data is a Map.
import { score, spawn, visit } from "interleave";
export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn((d: Map<string, any>) => { const c = d.get("counter"), n = d.get("n"); for (let i = 0; i < n; i++) Atomics.add(c, 0, visit()); },
      new Map<string, any>([["counter", counter], ["n", perWorker]])));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(counter, 0);
}
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn((d: Map<string, any>) => {
      const list = d.get("list"), lock = d.get("lock"), times = d.get("times");
      for (let k = 0; k < times; k++) {
        const v = score();
        while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
        const n = list[0]; let i = n;
        while (i > 0 && list[i] > v) { list[i + 1] = list[i]; i--; }
        list[i + 1] = v; list[0] = n + 1;
        Atomics.store(lock, 0, 0); Atomics.notify(lock, 0, 1);
      }
    }, new Map<string, any>([["list", list], ["lock", lock], ["times", perWorker]])));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]));
}

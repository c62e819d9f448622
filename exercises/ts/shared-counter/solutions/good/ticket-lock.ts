import { score, spawn, visit } from "interleave";
// count: Atomics.add(…, visit()) in a while loop counting down; workers joined with for-await.
export async function count(workers: number, perWorker: number): Promise<number> {
  const sab = new SharedArrayBuffer(16);
  const hs = [];
  for (let w = 0; w < workers; w++) hs.push(spawn(({ sab, n }) => {
    const v = new Int32Array(sab, 8, 1); // counter lives at byte offset 8
    let left = n;
    while (left-- > 0) Atomics.add(v, 0, visit());
    return n;
  }, { sab, n: perWorker }));
  for await (const _ of hs.map((h) => h.join())) { /* wait */ }
  return new Int32Array(sab, 8, 1)[0]!;
}
// leaderboard: ticket lock (fair FIFO) in its own shared buffer: [next ticket, now serving].
export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const tl = new Int32Array(new SharedArrayBuffer(8));
  const hs = [];
  for (let w = 0; w < workers; w++) {
    hs.push(spawn(({ list, tl, times }) => {
      for (let k = 0; k < times; k++) {
        const value = score();
        const my = Atomics.add(tl, 0, 1);
        for (;;) {
          const serving = Atomics.load(tl, 1);
          if (serving === my) break;
          Atomics.wait(tl, 1, serving);
        }
        const n = list[0]!;
        let i = n;
        while (i > 0 && list[i]! > value) { list[i + 1] = list[i]!; i--; }
        list[i + 1] = value;
        list[0] = n + 1;
        Atomics.add(tl, 1, 1);
        Atomics.notify(tl, 1);
      }
    }, { list, tl, times: perWorker }));
  }
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]!));
}

// From an independent tester who had read the harness (corpus of stop 18).
// CORRECT (style: each worker sums its visits privately and flushes ONCE with Atomics.add;
// leaderboard under a TICKET lock: Atomics.add takes a ticket, Atomics.wait until served).
// Joins with Promise.all. SHOULD GET: pass, every grade.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const hs = Array.from({ length: workers }, () =>
    spawn(({ counter, n }: { counter: Int32Array; n: number }) => {
      let local = 0;
      for (let i = 0; i < n; i++) local += visit();
      Atomics.add(counter, 0, local);
    }, { counter, n: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Atomics.load(counter, 0);
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const list = new Int32Array(new SharedArrayBuffer(4 * (1 + workers * perWorker)));
  const ticket = new Int32Array(new SharedArrayBuffer(8)); // [next ticket, now serving]
  const hs = Array.from({ length: workers }, () =>
    spawn(({ list, ticket, times }: { list: Int32Array; ticket: Int32Array; times: number }) => {
      for (let i = 0; i < times; i++) {
        const mine = Atomics.add(ticket, 0, 1);
        for (let s = Atomics.load(ticket, 1); s !== mine; s = Atomics.load(ticket, 1)) Atomics.wait(ticket, 1, s);
        try {
          const v = score(); const n = list[0]; let j = n;
          while (j > 0 && list[j] > v) { list[j + 1] = list[j]; j--; }
          list[j + 1] = v; list[0] = n + 1;
        } finally {
          Atomics.add(ticket, 1, 1);
          Atomics.notify(ticket, 1);
        }
      }
    }, { list, ticket, times: perWorker }));
  await Promise.all(hs.map((h) => h.join()));
  return Array.from(list.subarray(1, 1 + list[0]));
}

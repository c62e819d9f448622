// From an independent tester who had read the harness (corpus of stop 19). Verdict here: not_parallel. Workers never return; main sums and sorts what they drew and writes it into their memory: a worker that never ended is credited with nothing.
// ATTACK 2: workers only draw (visits summed locally, scores dumped raw), report on a channel,
// and then never settle (block in Atomics.wait forever). Main calls join() on every handle
// (so none is "forgotten") but never awaits them; it waits on the channel instead, then does
// the real work itself (sums / sorts) and writes it into the workers' shared memory and
// returns. The workers are still running; the host stops them at the end of the call and, as
// they never reached their own end copy, takes its fallback copy of their memory then —
// after main's writes.
import { channel, score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const mem = new Int32Array(new SharedArrayBuffer(4 * (2 + workers)));
  const [tx, rx] = channel<number>();
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ mem, w, n, tx }) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += visit();
      mem[2 + w] = s;
      tx.send(w);
      for (;;) Atomics.wait(mem, 1, 0);
    }, { mem, w, n: perWorker, tx }));
  tx.close();
  for (const h of hs) h.join().catch(() => {});
  for (let got = 0; got < workers; got++) await rx.recv();
  let t = 0; for (let j = 0; j < workers; j++) t += mem[2 + j];
  mem[0] = t;
  return t;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const raw = new Int32Array(new SharedArrayBuffer(4 * n));
  const list = new Int32Array(new SharedArrayBuffer(4 * n));
  const park = new Int32Array(new SharedArrayBuffer(4));
  const [tx, rx] = channel<number>();
  const hs = [];
  for (let w = 0; w < workers; w++)
    hs.push(spawn(({ raw, list, park, w, p, tx }) => {
      for (let i = 0; i < p; i++) raw[w * p + i] = score();
      tx.send(w);
      for (;;) Atomics.wait(park, 0, 0);
    }, { raw, list, park, w, p: perWorker, tx }));
  tx.close();
  for (const h of hs) h.join().catch(() => {});
  for (let got = 0; got < workers; got++) await rx.recv();
  list.set(Array.from(raw).sort((a, b) => a - b));
  return Array.from(list);
}

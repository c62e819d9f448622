// A coarse token ring (CHUNK = 300,000 visits, i.e. ~7-9 turns per worker,
// each turn tens of ms, plainly visible as one-at-a-time on a timeline). Strict round-robin turn taking. A shared `turn` cell names the one worker
// allowed to visit; it makes CHUNK visits, then hands the turn to the next unfinished worker.
// Everyone else sleeps in Atomics.wait on the turn cell until it names them.
// Exactly one worker calls visit() at any moment.
// Expected: fail not_parallel (took_turns).
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const ctl = new Int32Array(new SharedArrayBuffer(4 * (1 + workers))); // [turn, done...]
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, ctl, me, n, times }) => {
          const CHUNK = 300000;
          let left = times;
          while (left > 0) {
            for (let t = Atomics.load(ctl, 0); t !== me; t = Atomics.load(ctl, 0)) Atomics.wait(ctl, 0, t);
            const k = left < CHUNK ? left : CHUNK;
            for (let i = 0; i < k; i++) counter[0] += visit(); // only the turn holder writes
            left -= k;
            if (left === 0) Atomics.store(ctl, 1 + me, 1);
            let next = (me + 1) % n;
            while (next !== me && Atomics.load(ctl, 1 + next) === 1) next = (next + 1) % n;
            Atomics.store(ctl, 0, next);
            Atomics.notify(ctl, 0);
          }
        },
        { counter, ctl, me: w, n: workers, times: perWorker },
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

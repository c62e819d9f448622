// Strictly one worker at a time, ONE turn each. While a worker waits for its
// turn (and after it, until everyone is done) it calls score() in a loop — part 2's unit, which
// count's tests never check, but which ticks the same work clock as visit() — so its work log keeps
// growing at full rate. When `turn` names it, it makes all its perWorker visits with a plain
// counter[0] += visit() (nobody else visits), then hands the turn on. All visits are made one
// worker after another (each worker's whole share in one go); the others only burn score() calls.
// Expected: fail not_parallel (took_turns: no visit made while another worker visits).
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const turn = new Int32Array(new SharedArrayBuffer(4));
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(
        ({ counter, turn, me, n, times }) => {
          let junk = 0;
          while (Atomics.load(turn, 0) !== me) for (let i = 0; i < 256; i++) junk ^= score();
          for (let i = 0; i < times; i++) counter[0] += visit();
          Atomics.store(turn, 0, me + 1);
          while (Atomics.load(turn, 0) < n) for (let i = 0; i < 256; i++) junk ^= score();
          return junk & 0; // keeps `junk` alive
        },
        { counter, turn, me: w, n: workers, times: perWorker },
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

// Another correct style. count: each worker sums its visits privately and flushes the sum into
// the shared counter with one Atomics.add every 4096 visits (no visitor is lost: every flush is
// atomic); the counter is handed over as a DataView on a buffer that also holds padding, and
// each worker builds its own Int32Array at the DataView's offset. leaderboard: a three-state
// futex mutex (0 free, 1 taken, 2 taken with waiters) around a binary-search insert with
// copyWithin, the length kept apart from the scores.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const view = new DataView(new SharedArrayBuffer(64), 24, 4);
  const handles = Array.from({ length: workers }, () =>
    spawn(({ view, times }: { view: DataView; times: number }) => {
      const counter = new Int32Array(view.buffer, view.byteOffset, 1);
      let pending = 0;
      let visits = 0;
      for (let i = 0; i < times; i++) {
        pending += visit();
        if (++visits === 4096) {
          Atomics.add(counter, 0, pending);
          pending = 0;
          visits = 0;
        }
      }
      if (pending > 0) Atomics.add(counter, 0, pending);
    }, { view, times: perWorker }),
  );
  await Promise.all(handles.map((h) => h.join()));
  return Atomics.load(new Int32Array(view.buffer, view.byteOffset, 1), 0);
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const scores = new Int32Array(new SharedArrayBuffer(4 * n));
  const meta = new Int32Array(new SharedArrayBuffer(8)); // [mutex, length]
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(({ scores, meta, times }: { scores: Int32Array; meta: Int32Array; times: number }) => {
        const lock = () => {
          let c = Atomics.compareExchange(meta, 0, 0, 1);
          if (c === 0) return;
          if (c !== 2) c = Atomics.exchange(meta, 0, 2);
          while (c !== 0) {
            Atomics.wait(meta, 0, 2);
            c = Atomics.exchange(meta, 0, 2);
          }
        };
        const unlock = () => {
          if (Atomics.sub(meta, 0, 1) !== 1) {
            Atomics.store(meta, 0, 0);
            Atomics.notify(meta, 0, 1);
          }
        };
        for (let k = 0; k < times; k++) {
          const mine = score();
          lock();
          try {
            const len = meta[1]!;
            let lo = 0;
            let hi = len;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (scores[mid]! < mine) lo = mid + 1;
              else hi = mid;
            }
            scores.copyWithin(lo + 1, lo, len);
            scores[lo] = mine;
            meta[1] = len + 1;
          } finally {
            unlock();
          }
        }
      }, { scores, meta, times: perWorker }),
    );
  }
  for (const h of handles) await h.join();
  return Array.from(scores.subarray(0, meta[1]!));
}

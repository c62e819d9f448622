// Another correct style. count: the workers count DOWN a Uint32Array budget of visits that main
// fills in (workers × perWorker) with Atomics.sub, and add each visit's people UP in a second
// cell with Atomics.add; the returned count is the up-counter the workers wrote. The budget
// already sits in memory when the workers start, so it is not their work — only the up-counter
// is. Workers are joined as they finish, with a promise race. leaderboard: the lock, the length
// and the scores share one Int32Array ([lock, length, scores…]); the lock spins on
// compareExchange and sleeps briefly with a timed Atomics.wait when it is taken; insertion
// shifts from the back.
import { score, spawn, visit } from "interleave";

export async function count(workers: number, perWorker: number): Promise<number> {
  const cells = new Uint32Array(new SharedArrayBuffer(8)); // [visits left, people counted]
  cells[0] = workers * perWorker;
  const pending = new Map<number, Promise<[number, unknown]>>();
  for (let w = 0; w < workers; w++) {
    const h = spawn((d: { cells: Uint32Array; times: number }) => {
      for (let i = 0; i < d.times; i++) {
        Atomics.sub(d.cells, 0, 1);
        Atomics.add(d.cells, 1, visit());
      }
      return d.times;
    }, { cells, times: perWorker });
    pending.set(w, h.join().then((v) => [w, v]));
  }
  while (pending.size > 0) {
    const [w] = await Promise.race(pending.values());
    pending.delete(w);
  }
  if (Atomics.load(cells, 0) !== 0) throw new Error("budget not used up");
  return Atomics.load(cells, 1);
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  const n = workers * perWorker;
  const board = new Int32Array(new SharedArrayBuffer(4 * (2 + n)));
  const jobs = [];
  for (let w = 0; w < workers; w++) {
    jobs.push(
      spawn(({ board, times }: { board: Int32Array; times: number }) => {
        for (let k = 0; k < times; k++) {
          const mine = score();
          while (Atomics.compareExchange(board, 0, 0, 1) !== 0) Atomics.wait(board, 0, 1, 0.2);
          const len = board[1]!;
          let i = len;
          while (i > 0 && board[1 + i]! > mine) {
            board[2 + i] = board[1 + i]!;
            i--;
          }
          board[2 + i] = mine;
          board[1] = len + 1;
          Atomics.store(board, 0, 0);
          Atomics.notify(board, 0, 1);
        }
      }, { board, times: perWorker }),
    );
  }
  await Promise.all(jobs.map((j) => j.join()));
  return Array.from(board.subarray(2, 2 + board[1]!));
}

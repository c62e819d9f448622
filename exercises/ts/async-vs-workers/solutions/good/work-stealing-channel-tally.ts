// Another correct style: a shared cursor hands out small blocks (work stealing), each worker
// sends a [block, count] pair per block over a channel, and the main function adds them up as
// they arrive while it also looks up prices — a class keeps the bookkeeping.
import { channel, fetchData, isPrime, spawn, type Receiver } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  const pending = new Map<number, Promise<number>>();
  for (const id of ids) pending.set(id, fetchData<number>(`/price/${id}`));
  const prices: number[] = [];
  for (const id of ids) prices.push(await pending.get(id)!);
  return prices;
}

class Tally {
  private seen = new Set<number>();
  total = 0;
  add([block, count]: [number, number]) {
    if (this.seen.has(block)) throw new Error(`block ${block} counted twice`);
    this.seen.add(block);
    this.total += count;
  }
  async drain(rx: Receiver<[number, number]>) {
    for await (const item of rx) this.add(item);
    return this.total;
  }
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const cursor = new Int32Array(new SharedArrayBuffer(4));
  const [tx, rx] = channel<[number, number]>();
  const handles = [];
  for (let w = 0; w < workers; w++) {
    handles.push(
      spawn(({ cursor, tx, limit }) => {
        const SIZE = 750;
        for (let b = Atomics.add(cursor, 0, 1); b * SIZE < limit; b = Atomics.add(cursor, 0, 1)) {
          let count = 0;
          const end = Math.min(limit, (b + 1) * SIZE);
          for (let n = Math.max(2, b * SIZE); n < end; n++) if (isPrime(n)) count++;
          tx.send([b, count]);
        }
        tx.close();
      }, { cursor, tx, limit }),
    );
  }
  tx.close();
  const total = await new Tally().drain(rx);
  await Promise.all(handles.map((h) => h.join()));
  return total;
}

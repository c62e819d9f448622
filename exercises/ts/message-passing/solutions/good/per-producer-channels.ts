// One channel per producer, and the consumer (spawned first) drains them one after another:
// the numbers arrive producer by producer, and the consumer returns them in that order.
import { channel, spawn, type Receiver, type Sender } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const txs: Sender<number>[] = [];
  const rxs: Receiver<number>[] = [];
  for (let k = 0; k < producers; k++) {
    const [tx, rx] = channel<number>();
    txs.push(tx);
    rxs.push(rx);
  }
  const consumer = spawn(
    async ({ rxs }) => {
      const out: number[] = [];
      for (const rx of rxs) for (let x = await rx.recv(); x !== undefined; x = await rx.recv()) out.push(x);
      return out;
    },
    { rxs },
  );
  const ps = txs.map((tx, k) =>
    spawn(
      ({ tx, first, count }) => {
        for (let i = 0; i < count; i++) tx.send(first + i);
      },
      { tx, first: k * perProducer, count: perProducer },
    ),
  );
  for (const tx of txs) tx.close();
  await Promise.all(ps.map((p) => p.join()));
  return consumer.join();
}

// Wrong on purpose: producer 0 sends all producers * perProducer numbers, and every other
// producer sends one -1 that the consumer drops. Every number arrives once, through a channel,
// from a worker, but the work is not divided: producer k was to send its own share.
import { channel, spawn } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const senders = [];
  for (let k = 0; k < producers; k++) {
    senders.push(
      spawn(
        ({ tx, k, total }) => {
          if (k === 0) for (let i = 0; i < total; i++) tx.send(i);
          else tx.send(-1);
        },
        { tx, k, total: producers * perProducer },
      ),
    );
  }
  tx.close();
  const consumer = spawn(
    async ({ rx }) => {
      const out: number[] = [];
      for await (const x of rx) if (x >= 0) out.push(x);
      return out;
    },
    { rx },
  );
  await Promise.all(senders.map((s) => s.join()));
  return consumer.join();
}

// Wrong on purpose: the consumer sorts what it received before returning it. Every number is
// there exactly once, but not in the order the numbers arrived, which the consumer must keep.
import { channel, spawn } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const senders = [];
  for (let k = 0; k < producers; k++) {
    senders.push(
      spawn(
        ({ tx, first, count }) => {
          for (let i = 0; i < count; i++) tx.send(first + i);
        },
        { tx, first: k * perProducer, count: perProducer },
      ),
    );
  }
  tx.close();
  const consumer = spawn(
    async ({ rx }) => {
      const out: number[] = [];
      for await (const x of rx) out.push(x);
      return out.sort((a, b) => a - b);
    },
    { rx },
  );
  await Promise.all(senders.map((s) => s.join()));
  return consumer.join();
}

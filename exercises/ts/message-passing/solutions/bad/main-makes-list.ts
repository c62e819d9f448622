// Wrong on purpose: the producers send their numbers and the consumer worker receives them all,
// but it returns only how many arrived; gather then builds 0…n-1 itself. The list gather
// returns is not what the consumer received, nor in the order it arrived.
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
      let n = 0;
      for await (const _ of rx) n++;
      return n;
    },
    { rx },
  );
  await Promise.all(senders.map((s) => s.join()));
  const n = await consumer.join();
  return Array.from({ length: n }, (_, i) => i);
}

import { channel, spawn } from "interleave";
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const senders = [];
  for (let k = 0; k < producers; k++)
    senders.push(spawn(({ tx, first, count }) => {
      for (let i = 0; i < count; i++) tx.send(first + i);
      if (first > 0) throw new RangeError(`producer starting at ${first} out of range`);
    }, { tx, first: k * perProducer, count: perProducer }));
  tx.close();
  const consumer = spawn(async ({ rx }) => {
    const received: number[] = [];
    for await (const n of rx) received.push(n);
    return received;
  }, { rx });
  const out = await consumer.join();
  for (const s of senders) await s.join();
  return out;
}

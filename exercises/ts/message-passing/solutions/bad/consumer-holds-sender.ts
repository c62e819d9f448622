import { channel, spawn } from "interleave";
// The consumer also gets tx ("to re-queue items"): its own Sender keeps the channel open forever.
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const senders = [];
  for (let k = 0; k < producers; k++)
    senders.push(spawn(({ tx, first, count }) => { for (let i = 0; i < count; i++) tx.send(first + i); },
      { tx, first: k * perProducer, count: perProducer }));
  const consumer = spawn(async ({ rx, tx }) => {
    const received: number[] = [];
    for await (const n of rx) received.push(n);
    return received;
  }, { rx, tx });
  tx.close();
  for (const s of senders) await s.join();
  return consumer.join();
}

import { channel, spawn } from "interleave";
// Treats the receiver as a synchronous iterable inside the consumer.
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const senders = [];
  for (let k = 0; k < producers; k++)
    senders.push(spawn(({ tx, first, count }) => { for (let i = 0; i < count; i++) tx.send(first + i); },
      { tx, first: k * perProducer, count: perProducer }));
  tx.close();
  const consumer = spawn(({ rx }) => {
    const received: number[] = [];
    for (const n of rx as any) received.push(n as number);
    return received;
  }, { rx });
  for (const s of senders) await s.join();
  return consumer.join();
}

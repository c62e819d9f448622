import { channel, spawn } from "interleave";
// No consumer worker: main receives everything itself.
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const senders = [];
  for (let k = 0; k < producers; k++)
    senders.push(spawn(({ tx, first, count }) => { for (let i = 0; i < count; i++) tx.send(first + i); },
      { tx, first: k * perProducer, count: perProducer }));
  tx.close();
  const out: number[] = [];
  for await (const n of rx) out.push(n);
  for (const s of senders) await s.join();
  return out;
}

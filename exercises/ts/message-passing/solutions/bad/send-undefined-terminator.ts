import { channel, spawn } from "interleave";
// Each producer sends `undefined` as an end marker (not allowed) — and main forgets tx.close().
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const senders = [];
  for (let k = 0; k < producers; k++)
    senders.push(spawn(({ tx, first, count }) => {
      for (let i = 0; i < count; i++) tx.send(first + i);
      tx.send(undefined as unknown as number);
    }, { tx, first: k * perProducer, count: perProducer }));
  const consumer = spawn(async ({ rx, producers }) => {
    const received: number[] = [];
    let ended = 0;
    while (ended < producers) {
      const n = await rx.recv();
      if (n === undefined) ended++; else received.push(n);
    }
    return received;
  }, { rx, producers });
  for (const s of senders) await s.join();
  return consumer.join();
}

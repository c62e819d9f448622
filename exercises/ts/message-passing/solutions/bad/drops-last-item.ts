// Wrong on purpose: the consumer looks one item ahead and only stores an item once it has
// seen the next one. When recv() reports the end, the item it was holding is never stored.
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
  const consumer = spawn(async ({ rx }) => {
    const received: number[] = [];
    let held = await rx.recv();
    for (;;) {
      const next = await rx.recv();
      if (next === undefined) break;
      if (held !== undefined) received.push(held);
      held = next;
    }
    return received;
  }, { rx });
  for (const sender of senders) await sender.join();
  return consumer.join();
}

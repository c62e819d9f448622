// Wrong on purpose: the producers are workers and every number goes through the channel, but
// there is no consumer worker — gather receives the items itself on the main thread.
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
  const received: number[] = [];
  for await (const item of rx) received.push(item);
  for (const sender of senders) await sender.join();
  return received;
}

import { channel, spawn } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();

  const senders = [];
  for (let k = 0; k < producers; k++) {
    // Each producer gets its own Sender (a clone). It is closed when the producer returns.
    senders.push(
      spawn(
        ({ tx, first, count }) => {
          for (let i = 0; i < count; i++) tx.send(first + i);
        },
        { tx, first: k * perProducer, count: perProducer },
      ),
    );
  }
  // The channel only ends when EVERY Sender is closed, including this one.
  tx.close();

  // The Receiver moves into the consumer; the loop ends once all senders are closed
  // and every queued item has been received.
  const consumer = spawn(async ({ rx }) => {
    const received: number[] = [];
    for await (const item of rx) received.push(item);
    return received;
  }, { rx });

  for (const sender of senders) await sender.join();
  return consumer.join();
}

// Wrong on purpose: main keeps its own Sender open. The producers' Senders close when they
// finish, but the channel only ends when every Sender is closed, so the consumer's loop
// waits forever for an item that no one will send: a deadlock.
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
  const consumer = spawn(async ({ rx }) => {
    const received: number[] = [];
    for await (const item of rx) received.push(item);
    return received;
  }, { rx });
  for (const sender of senders) await sender.join();
  return consumer.join();
}

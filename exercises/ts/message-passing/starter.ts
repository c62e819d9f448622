import { channel, spawn } from "interleave";

/**
 * Starts `producers` producer workers and ONE consumer worker. Producer k sends the numbers
 * k * perProducer + 0, + 1, …, + (perProducer - 1) through a channel; the consumer receives
 * every number and returns them in the order they arrived. gather returns that array.
 */
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

  const consumer = spawn(
    async ({ rx }) => {
      const received: number[] = [];
      // TODO: receive until the channel is closed (recv() resolves to undefined then).
      return received;
    },
    { rx },
  );

  for (const sender of senders) await sender.join();
  return consumer.join();
}

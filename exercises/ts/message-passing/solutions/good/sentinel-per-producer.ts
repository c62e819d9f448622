// Each producer ends its share with a -1 "done" marker, and the consumer stops after it has
// seen one marker per producer (main's Sender is closed anyway). The markers are not numbers
// of the stream, so the consumer leaves them out of what it returns.
import { channel, spawn } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const consumer = spawn(
    async ({ rx, producers }) => {
      const out: number[] = [];
      let done = 0;
      while (done < producers) {
        const x = await rx.recv();
        if (x === undefined) break;
        if (x === -1) done++;
        else out.push(x);
      }
      return out;
    },
    { rx, producers },
  );
  const ps = [];
  for (let k = 0; k < producers; k++) {
    ps.push(
      spawn(
        ({ tx, first, count }) => {
          for (let i = first; i < first + count; i++) tx.send(i);
          tx.send(-1);
        },
        { tx, first: k * perProducer, count: perProducer },
      ),
    );
  }
  tx.close();
  const [result] = await Promise.all([consumer.join(), ...ps.map((p) => p.join())]);
  return result as number[];
}

import { channel, spawn } from "interleave";
// Consumer pushes into a SharedArrayBuffer; main reads it after joining only the producers.
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const total = producers * perProducer;
  const buf = new Int32Array(new SharedArrayBuffer(4 * (total + 1)));
  const senders = [];
  for (let k = 0; k < producers; k++)
    senders.push(spawn(({ tx, first, count }) => { for (let i = 0; i < count; i++) tx.send(first + i); },
      { tx, first: k * perProducer, count: perProducer }));
  tx.close();
  spawn(async ({ rx, buf }) => {
    for await (const n of rx) { const i = buf[0]!; buf[i + 1] = n; buf[0] = i + 1; }
  }, { rx, buf });
  for (const s of senders) await s.join();
  return Array.from(buf.subarray(1, 1 + buf[0]!));
}

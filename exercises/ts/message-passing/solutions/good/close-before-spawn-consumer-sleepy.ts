import { channel, sleep, spawn } from "interleave";
// Producers pause between sends (sleep blocks a worker's thread); consumer uses a while/recv with explicit checks.
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const ps = [];
  for (let k = 0; k < producers; k++) {
    ps.push(spawn(async ({ tx, k, per }) => {
      for (let i = 0; i < per; i++) {
        tx.send(k * per + i);
        if (i % 10 === 9) await sleep(1);
      }
    }, { tx, k, per: perProducer }));
  }
  tx.close();
  const c = spawn(async ({ rx }) => {
    const acc: number[] = [];
    let v: number | undefined;
    while ((v = await rx.recv()) !== undefined) acc.push(v);
    return acc;
  }, { rx });
  const out = await c.join();
  await Promise.all(ps.map((p) => p.join()));
  return out;
}

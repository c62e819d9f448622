import { channel, spawn } from "interleave";
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const handles = [];
  for (let k = 0; k < producers; k++) {
    handles.push(spawn((d: { tx: any; k: number; per: number }) => {
      let v = d.k * d.per;
      const end = v + d.per;
      while (v < end) d.tx.send(v++);
      d.tx.close();
    }, { tx, k, per: perProducer }));
  }
  tx.close(); // main's own sender
  const consumer = spawn(async ({ rx }) => {
    const out: number[] = [];
    for (;;) {
      const x = await rx.recv();
      if (x === undefined) break;
      out.push(x);
    }
    return out;
  }, { rx });
  for (const h of handles) await h.join();
  return await consumer.join();
}

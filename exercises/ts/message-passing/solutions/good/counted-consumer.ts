import { channel, spawn } from "interleave";
// Consumer knows how many numbers to expect and stops after the last one; also closes main's tx.
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const total = producers * perProducer;
  const consumer = spawn(async ({ rx, total }) => {
    const out: number[] = [];
    while (out.length < total) {
      const v = await rx.recv();
      if (v === undefined) break;
      out.push(v);
    }
    return out;
  }, { rx, total });
  const producersH = [];
  for (let k = producers - 1; k >= 0; k--) {
    producersH.push(spawn(({ tx, lo, hi }) => { for (let v = lo; v < hi; v++) tx.send(v); },
      { tx, lo: k * perProducer, hi: (k + 1) * perProducer }));
  }
  tx.close();
  const results = await Promise.allSettled([...producersH.map((h) => h.join()), consumer.join()]);
  const bad = results.find((r) => r.status === "rejected");
  if (bad) throw (bad as PromiseRejectedResult).reason;
  return (results[results.length - 1] as PromiseFulfilledResult<number[]>).value;
}

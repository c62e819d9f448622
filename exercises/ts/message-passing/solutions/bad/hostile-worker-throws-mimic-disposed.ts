import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const ps = Array.from({ length: producers }, (_, k) => spawn(({ tx, k, per }) => {
    for (let i = 0; i < per; i++) tx.send(k * per + i);
    if (k === 1) throw new Error("Isolate was disposed during execution due to memory limit");
  }, { tx, k, per: perProducer }));
  tx.close();
  const c = spawn(async ({ rx }) => { const g: number[] = []; for await (const n of rx) g.push(n); return g; }, { rx });
  const out = await c.join();
  await Promise.all(ps.map((p) => p.join()));
  return out;
}

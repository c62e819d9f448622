import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const ps = Array.from({ length: producers }, (_, k) => spawn(({ tx, k, per }) => { for (let i = 0; i < per; i++) tx.send(k * per + i); }, { tx, k, per: perProducer }));
  tx.close();
  const c = spawn(async ({ rx }) => {
    const got: any[] = [];
    for await (const n of rx) got.push(n);
    got.push("z".repeat(30 * 1024 * 1024));
    return got;
  }, { rx });
  await Promise.all(ps.map((p) => p.join()));
  return (await c.join()) as number[];
}

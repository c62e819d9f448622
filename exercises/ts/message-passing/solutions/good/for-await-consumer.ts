import { channel, spawn } from "interleave";
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  const consumer = spawn(async ({ rx }) => {
    const got: number[] = [];
    for await (const n of rx) got.push(n);
    return got;
  }, { rx });
  const ps = Array.from({ length: producers }, (_, k) =>
    spawn(({ tx, first, count }) => { for (let i = 0; i < count; i++) tx.send(first + i); },
      { tx, first: k * perProducer, count: perProducer }));
  tx.close();
  const [result] = await Promise.all([consumer.join(), ...ps.map((p) => p.join())]);
  return result as number[];
}

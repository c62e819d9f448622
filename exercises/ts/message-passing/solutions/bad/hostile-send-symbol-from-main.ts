import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<any>();
  const c = spawn(async ({ rx }) => { const g: number[] = []; for await (const n of rx) g.push(n); return g; }, { rx });
  for (let k = 0; k < producers * perProducer; k++) tx.send(k);
  tx.send(Symbol("s"));
  tx.close();
  return c.join();
}

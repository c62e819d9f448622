import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

// A setter on Array.prototype[0] that throws: the harness copies spawn data arrays holding channel ends.
export async function gather(producers: number, perProducer: number): Promise<number[]> {
  const [tx, rx] = channel<number>();
  Object.defineProperty(Array.prototype, "0", { configurable: true, set(_v) { throw new Error("index setter poisoned"); }, get() { return undefined; } });
  const c = spawn(async ([rx]: any) => { const g: number[] = []; for await (const n of rx) g.push(n); return g; }, [rx]);
  const ps = [];
  for (let k = 0; k < producers; k++) ps.push(spawn(({ tx, k, per }) => { for (let i = 0; i < per; i++) tx.send(k * per + i); }, { tx, k, per: perProducer }));
  tx.close();
  const out = await c.join();
  for (const p of ps) await p.join();
  return out;
}

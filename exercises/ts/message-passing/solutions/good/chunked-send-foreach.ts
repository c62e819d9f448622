import * as il from "interleave";
// Producers compute their range with Array.from and forEach(send); consumer spread into array.
export const gather = async (producers: number, perProducer: number) => {
  const [tx, rx] = il.channel<number>();
  const all = [
    il.spawn(async ({ rx }) => {
      const r: number[] = [];
      for await (const x of rx) r.push(x);
      return r;
    }, { rx }),
    ...Array.from({ length: producers }, (_, k) =>
      il.spawn(({ tx, k, per }) => {
        Array.from({ length: per }, (_, i) => k * per + i).forEach((v) => tx.send(v));
        return null;
      }, { tx, k, per: perProducer })),
  ];
  tx.close();
  const [first] = await Promise.all(all.map((h) => h.join()));
  return first as number[];
};

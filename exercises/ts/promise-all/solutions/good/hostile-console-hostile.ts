import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const { proxy, revoke } = Proxy.revocable({}, {}); revoke();
  const cyc: any = { a: 1 }; cyc.cyc = cyc;
  const g = Object.defineProperty({}, "x", { enumerable: true, get() { throw new Error("getter"); } });
  console.log(proxy, cyc, 10n, Symbol("s"), g, () => 1, "x".repeat(100000));
  console.error(new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } }));
  return Promise.all(urls.map((u) => fetchData<string>(u)));
}

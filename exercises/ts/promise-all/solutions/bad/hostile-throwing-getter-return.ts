import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<any> {
  const answers = await Promise.all(urls.map((u) => fetchData<string>(u)));
  const o: any = {};
  Object.defineProperty(o, "length", { enumerable: true, get() { throw new Error("Script execution timed out."); } });
  return [answers[0], o];
}

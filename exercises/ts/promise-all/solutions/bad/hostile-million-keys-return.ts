import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<any> {
  const answers: any[] = await Promise.all(urls.map((u) => fetchData(u)));
  const o: Record<string, number> = {};
  for (let i = 0; i < 1_000_000; i++) o["k" + i] = i;
  answers[0] = o;
  return answers;
}

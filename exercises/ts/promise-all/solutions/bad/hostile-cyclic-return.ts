import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<any> {
  const answers: any[] = await Promise.all(urls.map((u) => fetchData(u)));
  const o: any = { answers };
  o.self = o;
  answers.push(o);
  (answers as any).loop = answers;
  return answers;
}

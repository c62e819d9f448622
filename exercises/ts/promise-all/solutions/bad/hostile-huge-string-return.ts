import { fetchData, spawn, task, sleep, channel, yieldNow, io } from "interleave";

export async function fetchAll(urls: string[]): Promise<any> {
  const answers = await Promise.all(urls.map((u) => fetchData<string>(u)));
  return [answers[0] + "x".repeat(50 * 1024 * 1024), ...answers.slice(1)];
}

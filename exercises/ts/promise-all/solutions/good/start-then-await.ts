import { fetchData } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  // The same idea without Promise.all: create all the promises before the first await.
  const pending = urls.map((url) => fetchData<string>(url));
  const answers: string[] = [];
  for (const promise of pending) answers.push(await promise);
  return answers;
}

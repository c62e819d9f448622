import { fetchData } from "interleave";
export async function fetchAll(urls: string[]): Promise<string[]> {
  const answers: string[] = [];
  await Promise.all(urls.map(async (url) => { answers.push(await fetchData<string>(url)); }));
  return answers;
}

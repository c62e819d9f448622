import { fetchData } from "interleave";
export async function fetchAll(urls: string[]): Promise<string[]> {
  const answers: string[] = [];
  for (const url of urls) answers.push(await fetchData<string>(url));
  return answers;
}

import { fetchData } from "interleave";
export async function fetchAll(urls: string[]): Promise<string[]> {
  const answers: any[] = [];
  for (const url of urls) answers.push(fetchData<string>(url));
  return answers;
}

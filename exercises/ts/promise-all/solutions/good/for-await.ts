import { fetchData } from "interleave";
export async function fetchAll(urls: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const answer of urls.map((u) => fetchData<string>(u))) out.push(answer);
  return out;
}

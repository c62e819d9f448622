import { fetchData } from "interleave";
export async function fetchAll(urls: string[]): Promise<string[]> {
  return Promise.all(urls.map((u) => fetchData<string>(u))
}

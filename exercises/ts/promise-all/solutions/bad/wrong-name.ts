import { fetchData } from "interleave";
export async function fetchALL(urls: string[]): Promise<string[]> {
  return Promise.all(urls.map((u) => fetchData<string>(u)));
}

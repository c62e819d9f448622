import { fetchData } from "interleave";
// Uses setTimeout, which doesn't exist here.
export async function fetchAll(urls: string[]): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 0));
  return Promise.all(urls.map((u) => fetchData<string>(u)));
}

import { fetchData } from "interleave";
// "Batched" two at a time: three requests take 200 ms.
export async function fetchAll(urls: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < urls.length; i += 2) {
    out.push(...(await Promise.all(urls.slice(i, i + 2).map((u) => fetchData<string>(u)))));
  }
  return out;
}

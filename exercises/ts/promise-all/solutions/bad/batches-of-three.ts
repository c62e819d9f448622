// Wrong on purpose: requests in batches of three, like pairs.ts. Each batch is awaited before
// the next one starts, so five requests take the slowest of the first three plus the slowest
// of the last two, not the slowest alone; at most three are ever in flight together.
import { fetchData } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < urls.length; i += 3) {
    out.push(...(await Promise.all(urls.slice(i, i + 3).map((u) => fetchData<string>(u)))));
  }
  return out;
}

// A pool of async "lanes" with as many lanes as urls: every lane takes one url at once, so all
// requests are in flight together. Answers go into a Map by index and are read back in order.
import { fetchData } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const got = new Map<number, string>();
  let next = 0;
  const lane = async () => {
    while (next < urls.length) {
      const i = next++;
      got.set(i, await fetchData<string>(urls[i] ?? ""));
    }
  };
  await Promise.all(Array.from({ length: urls.length }, lane));
  return urls.map((_, i) => got.get(i) ?? "");
}

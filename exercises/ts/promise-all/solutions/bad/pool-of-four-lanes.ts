// Wrong on purpose: a pool of four async "lanes" that take the next url when they are free.
// With five urls the fifth waits for a lane; when the slowest request is among the first four
// and the fifth is fast, the total time can even equal the slowest latency, but the fifth
// request was never in flight together with the others.
import { fetchData } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const answers: string[] = new Array<string>(urls.length);
  let next = 0;
  const lane = async () => {
    while (next < urls.length) {
      const i = next++;
      answers[i] = await fetchData<string>(urls[i] ?? "");
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, urls.length) }, lane));
  return answers;
}

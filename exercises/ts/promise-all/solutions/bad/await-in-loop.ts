// Wrong on purpose: each request is only started after the previous answer arrived,
// so three 100 ms requests take 300 ms.
import { fetchData } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < urls.length; i++) {
    const answer = await fetchData<string>(urls[i] ?? "");
    answers[i] = answer;
  }
  return answers;
}

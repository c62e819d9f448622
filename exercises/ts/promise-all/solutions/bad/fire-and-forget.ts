// Wrong on purpose: the requests do overlap, but nothing waits for them. forEach ignores
// the promises its async callback returns, so fetchAll returns an empty array while all
// three requests are still in flight.
import { fetchData } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  const answers: string[] = [];
  urls.forEach(async (url, i) => {
    answers[i] = await fetchData<string>(url);
  });
  return answers;
}

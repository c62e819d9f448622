// Wrong on purpose (a cheat): the right shape — one string per url, in order, after about
// the time the requests would take — but nothing was ever fetched.
import { sleep } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  await sleep(100);
  return urls.map((url) => `answer for ${url}`);
}

// Wrong on purpose: a chain of .then() is still one request after another; every link
// starts its fetch only when the previous one has finished.
import { fetchData } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  return urls.reduce(
    (chain, url) => chain.then((answers) => fetchData<string>(url).then((answer) => [...answers, answer])),
    Promise.resolve([] as string[]),
  );
}

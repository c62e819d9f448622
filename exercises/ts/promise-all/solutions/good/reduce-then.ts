import { fetchData } from "interleave";
// Build a chain over promises that were all created up front.
export async function fetchAll(urls: string[]): Promise<string[]> {
  const promises = urls.map((u) => fetchData<string>(u));
  return promises.reduce<Promise<string[]>>(
    (acc, p) => acc.then((arr) => p.then((v) => [...arr, v])),
    Promise.resolve([]),
  );
}

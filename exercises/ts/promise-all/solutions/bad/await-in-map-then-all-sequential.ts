import { fetchData } from "interleave";
// Each request is started only after the previous one finished (reduce chains the *calls*).
export async function fetchAll(urls: string[]): Promise<string[]> {
  return urls.reduce<Promise<string[]>>(
    async (acc, u) => [...(await acc), await fetchData<string>(u)],
    Promise.resolve([]),
  );
}

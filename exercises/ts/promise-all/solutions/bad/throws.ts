import { fetchData } from "interleave";
export async function fetchAll(urls: string[]): Promise<string[]> {
  const r = await Promise.all(urls.map((u) => fetchData<string>(u)));
  if (r.length > 0) throw new TypeError("cannot read properties of undefined (reading 'map')");
  return r;
}

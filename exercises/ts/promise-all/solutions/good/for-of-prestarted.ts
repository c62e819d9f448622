import { fetchData } from "interleave";
// Start every request first, then await them one by one in order.
export async function fetchAll(urls: string[]): Promise<string[]> {
  const pending: Promise<string>[] = [];
  for (const url of urls) pending.push(fetchData<string>(url));
  const out: string[] = [];
  for (const p of pending) out.push(await p);
  return out;
}

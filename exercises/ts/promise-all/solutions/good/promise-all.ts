import { fetchData } from "interleave";

export async function fetchAll(urls: string[]): Promise<string[]> {
  // Start every request first (each call returns a pending promise at once),
  // then wait for all of them together. Promise.all keeps the order of `urls`.
  return Promise.all(urls.map((url) => fetchData<string>(url)));
}

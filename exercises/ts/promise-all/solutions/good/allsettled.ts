import { fetchData } from "interleave";
export async function fetchAll(urls: string[]): Promise<string[]> {
  const settled = await Promise.allSettled(urls.map((u) => fetchData<string>(u)));
  return settled.map((s) => {
    if (s.status === "rejected") throw s.reason;
    return s.value;
  });
}

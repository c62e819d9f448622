import { fetchData, spawn } from "interleave";
export async function fetchPrices(ids: number[]): Promise<number[]> {
  return Promise.all(ids.map((id) => fetchData<number>(`/price/${id}`)));
}
// Decoy workers: they return at once while the main isolate counts.
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const hs = Array.from({ length: workers }, (_, k) => spawn((k: number) => k, k));
  let c = 0;
  for (let n = 2; n < limit; n++) {
    let p = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; }
    if (p) c++;
  }
  await Promise.all(hs.map((h) => h.join()));
  return c;
}

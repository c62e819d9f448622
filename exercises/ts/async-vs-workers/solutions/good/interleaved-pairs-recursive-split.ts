// Another correct style: the range is split recursively into `workers` parts of about equal
// cost (a part's cost grows like n^1.5, so the cut points move down as n grows), each worker
// walks its part two numbers at a time, and the parts' counts come back through join().
import { fetchData, isPrime, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  const out = new Array<number>(ids.length);
  await Promise.all(ids.map(async (id, i) => { out[i] = await fetchData<number>(`/price/${id}`); }));
  return out;
}

/** Cut [lo, hi) into k parts of about equal trial-division cost (∝ n^1.5). */
function cuts(lo: number, hi: number, k: number): number[] {
  if (k === 1) return [lo, hi];
  const left = Math.floor(k / 2);
  const cost = (x: number) => Math.pow(x, 1.5);
  const target = cost(lo) + ((cost(hi) - cost(lo)) * left) / k;
  const mid = Math.min(hi, Math.max(lo, Math.round(Math.pow(target, 2 / 3))));
  return [...cuts(lo, mid, left), ...cuts(mid, hi, k - left).slice(1)];
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  const edges = cuts(2, limit, workers);
  const parts = edges.slice(1).map((to, i) => ({ from: edges[i]!, to }));
  const handles = parts.map((part) =>
    spawn(function countPart({ from, to }: { from: number; to: number }) {
      let c = 0;
      let n = from;
      for (; n + 1 < to; n += 2) c += (isPrime(n) ? 1 : 0) + (isPrime(n + 1) ? 1 : 0);
      if (n < to && isPrime(n)) c++;
      return c;
    }, part),
  );
  let total = 0;
  for (const h of await Promise.all(handles.map((h) => h.join()))) total += h;
  return total;
}

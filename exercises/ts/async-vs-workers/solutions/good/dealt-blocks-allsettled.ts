import { fetchData, spawn, isPrime } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  const r = await Promise.allSettled(ids.map((id) => fetchData<number>(`/price/${id}`)));
  return r.map((x) => (x.status === "fulfilled" ? x.value : Number.NaN));
}

// Cards dealt: worker k takes blocks k, k+W, k+2W, ... of 500 numbers; odd-only trial division.
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const handles = [];
  for (let k = 0; k < workers; k++) {
    handles.push(
      spawn(
        ({ k, W, limit }) => {
          const B = 500;
          let c = 0;
          for (let start = k * B; start < limit; start += W * B) {
            const end = Math.min(limit, start + B);
            for (let n = start; n < end; n++) {
              if (n < 2) continue;
              if (isPrime(n)) c++;
            }
          }
          return c;
        },
        { k, W: workers, limit },
      ),
    );
  }
  let total = 0;
  const results = await Promise.allSettled(handles.map((h) => h.join()));
  for (const r of results) {
    if (r.status === "rejected") throw r.reason;
    total += r.value;
  }
  return total;
}

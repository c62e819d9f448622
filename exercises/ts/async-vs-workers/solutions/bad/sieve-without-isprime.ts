// Was a correct solution before isPrime: a segmented sieve counts right on the workers, but decides no number with the grader's isPrime(n), so the host cannot see who did the work: not_parallel (the statement asks for isPrime).
import { fetchData, spawn } from "interleave";

export async function fetchPrices(ids: number[]): Promise<number[]> {
  const map = new Map<number, Promise<number>>();
  for (const id of ids) if (!map.has(id)) map.set(id, fetchData<number>(`/price/${id}`));
  const values = new Map<number, number>();
  await Promise.all([...map].map(async ([id, p]) => values.set(id, await p)));
  return ids.map((id) => values.get(id)!);
}

// Each worker sieves interleaved segments [s, s+SEG) with base primes up to sqrt(limit).
export async function countPrimes(limit: number, workers: number): Promise<number> {
  const jobs = [];
  for (let w = 0; w < workers; w++) {
    const h = spawn(
      (d: { w: number; W: number; limit: number }) => {
        const { w, W, limit } = d;
        const root = Math.floor(Math.sqrt(limit)) + 1;
        const small = new Uint8Array(root + 1);
        const base: number[] = [];
        for (let i = 2; i <= root; i++) {
          if (!small[i]) { base.push(i); for (let j = i * i; j <= root; j += i) small[j] = 1; }
        }
        const SEG = 4096;
        const seg = new Uint8Array(SEG);
        let c = 0;
        // Repeat the sieve a few times so each worker has real CPU work to do.
        for (let rep = 0; rep < 40; rep++) {
          c = 0;
          for (let lo = w * SEG; lo < limit; lo += W * SEG) {
            const hi = Math.min(limit, lo + SEG);
            seg.fill(0);
            for (const p of base) {
              if (p * p >= hi) break;
              let start = Math.max(p * p, Math.ceil(lo / p) * p);
              for (let j = start; j < hi; j += p) seg[j - lo] = 1;
            }
            for (let n = Math.max(lo, 2); n < hi; n++) if (!seg[n - lo]) c++;
          }
        }
        return c;
      },
      { w, W: workers, limit },
    );
    jobs.push(h);
  }
  let sum = 0;
  for (const r of await Promise.all(jobs.map((j) => j.join()))) sum += r;
  return sum;
}

// Wrong on purpose (a cheat): answers remembered from an earlier grade — the price formula the
// server once used and π(400,000) — with no lookup and no counting. Ids, prices and the limit
// change with every grade, and the grader sees that the price server was never asked.
export async function fetchPrices(ids: number[]): Promise<number[]> {
  return ids.map((id) => ((id * 7919) % 9000) / 100 + 10);
}

export async function countPrimes(limit: number, workers: number): Promise<number> {
  return 33_860;
}

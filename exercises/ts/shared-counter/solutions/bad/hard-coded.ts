// Wrong on purpose (a cheat): the totals an earlier grade expected (4 x 500,000, and the scores
// 0…3999), returned without starting a worker. The counts change with every grade, and the
// grader reads the shared memory the workers were given: no worker held these results.
export async function count(workers: number, perWorker: number): Promise<number> {
  return 2_000_000;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  return Array.from({ length: 4000 }, (_, i) => i);
}

// Wrong on purpose (a cheat): totals an earlier grade saw (about 2,000,000 visitors for
// 4 x 250,000 visits, and a list of 4,000 scores), returned without starting a worker. The
// visits and scores are drawn anew for every grade and only the grader knows what they were:
// here not one visit was made, so the grader knows the number was not counted.
export async function count(workers: number, perWorker: number): Promise<number> {
  return 2_000_000;
}

export async function leaderboard(workers: number, perWorker: number): Promise<number[]> {
  return Array.from({ length: 4000 }, (_, i) => i * 250);
}

// A grade that failed and will be retried gives its run back to `queued`, so `running` always
// means "a worker holds this run's job now" — what the stale-run sweeper relies on.
import { db } from "../db.ts";

export async function releaseGradingRun(options: { gradingRunId: string; attempt: number }): Promise<void> {
  await db.gradingRun.updateMany({
    where: { id: options.gradingRunId, state: "running", attempts: options.attempt },
    data: { state: "queued", workerId: null, queueJobId: null, queueWorkerId: null },
  });
}

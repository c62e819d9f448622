// Stores a run's one result and marks it done. The guard makes a second store a no-op: a run
// keeps the first result it got, and a store under an older attempt (a worker the sweeper gave
// up on, finishing late while a newer claim grades the run) is refused, whatever the order.
import { z } from "zod";
import { GradeResult } from "../../grader/contract.ts";
import { db } from "../db.ts";

export async function storeGradeResult(options: {
  gradingRunId: string;
  result: GradeResult;
  /** The claim's attempt number (claimGradingRun); omitted, any unfinished attempt may store. */
  attempt?: number;
}): Promise<{ stored: boolean }> {
  // Validated again here: grader output is data crossing into the database.
  const result = GradeResult.parse(options.result);
  const stored = await db.gradingRun.updateMany({
    where: {
      id: options.gradingRunId,
      state: { not: "done" },
      ...(options.attempt === undefined ? {} : { attempts: options.attempt }),
    },
    data: {
      state: "done",
      result: z.json().parse(result) ?? {},
      status: result.status,
      reason: result.reason ?? null,
      score: result.score,
      finishedAt: new Date(),
    },
  });
  // LISTEN/NOTIFY for live updates would go here (pg_notify in the same statement's transaction).
  return { stored: stored.count === 1 };
}

// Stores a run's one result and marks it done. The state guard makes a second store (a job
// that ran twice) a no-op: each run keeps the first result it got.
import { z } from "zod";
import { GradeResult } from "../../grader/contract.ts";
import { db } from "../db.ts";

export async function storeGradeResult(options: { gradingRunId: string; result: GradeResult }): Promise<{ stored: boolean }> {
  // Validated again here: grader output is data crossing into the database.
  const result = GradeResult.parse(options.result);
  const stored = await db.gradingRun.updateMany({
    where: { id: options.gradingRunId, state: { not: "done" } },
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

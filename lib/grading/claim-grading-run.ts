// The worker's first step for a job: mark the run running (one more attempt, by this worker and
// this graphile-worker job) unless it is already done — a retried or duplicated job must not
// grade a done run again. The returned attempt number is the claim's token: only a result stored
// under the same attempt counts (store-grade-result.ts), so a job that runs twice stores once.
import { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db.ts";

export type Claim =
  | { kind: "claimed"; trackSlug: string; code: string; attempts: number; submissionId: string; queuedAt: Date }
  | { kind: "done" }
  | { kind: "missing" };

export async function claimGradingRun(options: {
  gradingRunId: string;
  workerId: string;
  /** graphile-worker's job and worker ids, so the sweeper can free that job if this process dies. */
  queueJobId?: string;
  queueWorkerId?: string;
}): Promise<Claim> {
  try {
    const run = await db.gradingRun.update({
      where: { id: options.gradingRunId, state: { not: "done" } },
      data: {
        state: "running",
        attempts: { increment: 1 },
        workerId: options.workerId,
        queueJobId: options.queueJobId ?? null,
        queueWorkerId: options.queueWorkerId ?? null,
        startedAt: new Date(),
      },
      select: {
        attempts: true,
        createdAt: true,
        submission: { select: { id: true, code: true, exercise: { select: { trackSlug: true } } } },
      },
    });
    return {
      kind: "claimed",
      trackSlug: run.submission.exercise.trackSlug,
      code: run.submission.code,
      attempts: run.attempts,
      submissionId: run.submission.id,
      queuedAt: run.createdAt,
    };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025")) throw error;
    const exists = await db.gradingRun.findUnique({ where: { id: options.gradingRunId }, select: { state: true } });
    return exists ? { kind: "done" } : { kind: "missing" };
  }
}

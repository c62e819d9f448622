// The worker's first step for a job: mark the run running (one more attempt, by this worker)
// unless it is already done — a retried or duplicated job must not grade a run twice.
import { Prisma } from "../generated/prisma/client.ts";
import { db } from "../db.ts";

export type Claim =
  | { kind: "claimed"; exerciseSlug: string; code: string; attempts: number }
  | { kind: "done" }
  | { kind: "missing" };

export async function claimGradingRun(options: { gradingRunId: string; workerId: string }): Promise<Claim> {
  try {
    const run = await db.gradingRun.update({
      where: { id: options.gradingRunId, state: { not: "done" } },
      data: { state: "running", attempts: { increment: 1 }, workerId: options.workerId, startedAt: new Date() },
      select: { attempts: true, submission: { select: { code: true, exercise: { select: { slug: true } } } } },
    });
    return { kind: "claimed", exerciseSlug: run.submission.exercise.slug, code: run.submission.code, attempts: run.attempts };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025")) throw error;
    const exists = await db.gradingRun.findUnique({ where: { id: options.gradingRunId }, select: { state: true } });
    return exists ? { kind: "done" } : { kind: "missing" };
  }
}

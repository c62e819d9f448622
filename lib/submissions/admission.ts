// Admission to the grading queue: at most GRADING_IN_FLIGHT_PER_USER of a user's submissions wait
// for a verdict at a time (429), and at most GRADING_QUEUE_MAX submissions wait in all (503), so a
// flood cannot bury everyone's verdicts behind minutes of queue. Counted from grading_runs (not
// from graphile-worker's tables, which are not ours) inside the submitting transaction: the
// per-user count runs under the caller's per-user lock (rate-limit.ts), the global count under
// one global advisory lock taken last and held to commit, so concurrent submissions are admitted
// one at a time and cannot overshoot. Teachers' regrade runs are left out of both counts: they
// run behind fresh submissions (lower priority) and must not lock students out while they drain.
import type { Prisma } from "../generated/prisma/client.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";

export type QueueAdmission = { maxQueued: number; maxInFlightPerUser: number };

/** Seconds to suggest when refused: about one verdict for a user, a stretch of queue for everyone. */
export const USER_RETRY_SECONDS = 10;
export const QUEUE_RETRY_SECONDS = 30;

const QUEUE_LOCK = "grading-queue-admission";

export function queueAdmission(): QueueAdmission {
  return { maxQueued: env.GRADING_QUEUE_MAX, maxInFlightPerUser: env.GRADING_IN_FLIGHT_PER_USER };
}

/** Call inside the transaction that will enqueue the run, holding the per-user lock (lockUserSubmissions). */
export async function admitToQueue(options: {
  tx: Prisma.TransactionClient;
  userId: string;
  admission?: QueueAdmission;
}): Promise<void> {
  const { maxQueued, maxInFlightPerUser } = options.admission ?? queueAdmission();
  const unfinished = { state: { in: ["queued", "running"] }, regradeId: null } satisfies Prisma.GradingRunWhereInput;
  if (maxInFlightPerUser > 0) {
    const mine = await options.tx.gradingRun.count({
      where: { ...unfinished, submission: { userId: options.userId } },
    });
    if (mine >= maxInFlightPerUser) {
      throw new AppError(
        "rate_limited",
        `You already have ${mine} submission${mine === 1 ? "" : "s"} waiting to be graded. Submit again once ` +
          `${mine === 1 ? "it has its" : "one of them has its"} verdict. Your code stays in the editor.`,
        { retryAfterSeconds: USER_RETRY_SECONDS },
      );
    }
  }
  if (maxQueued > 0) {
    await options.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${QUEUE_LOCK}, 0))`;
    const queued = await options.tx.gradingRun.count({ where: unfinished });
    if (queued >= maxQueued) {
      throw new AppError(
        "unavailable",
        `The grader is busy: ${queued} submissions are waiting for a verdict. Try again in ${QUEUE_RETRY_SECONDS} seconds. ` +
          `Your code stays in the editor.`,
        { retryAfterSeconds: QUEUE_RETRY_SECONDS },
      );
    }
  }
}

// Submissions are never lost: the submission, its first grading run and its queue job are
// written in ONE transaction. graphile-worker's add_job is a SQL function, so it runs inside
// the same Prisma interactive transaction (same connection): either all three rows exist or
// none. Its NOTIFY is delivered at commit, so a worker never sees a job whose run is not
// committed yet. (A separate pg transaction would work too, but would lose Prisma's typed
// inserts and need a second pool.)
// The limits run first in that transaction, so a refused submission stores nothing. Locks are
// taken in one order — user, guest IP bucket, queue — so two submissions never wait on each other.
import { AppError } from "../errors.ts";
import { db } from "../db.ts";
import { admitToQueue, type QueueAdmission } from "./admission.ts";
import { checkCode } from "./code-rules.ts";
import { enqueueGradeJobs } from "./enqueue-grade-jobs.ts";
import { enforceGuestIpLimit, guestIpKey } from "./guest-ip-limit.ts";
import { enforceSubmissionRateLimit, lockUserSubmissions, type SubmissionRateLimit } from "./rate-limit.ts";

export async function createSubmission(options: {
  userId: string;
  trackSlug: string;
  code: string;
  /** The client's address as our web server resolved it (lib/http/client-ip.ts); guests are limited per address. */
  clientIp?: string | null;
  /** Override the configured limits (tests); see rate-limit.ts, guest-ip-limit.ts, admission.ts. */
  rateLimit?: SubmissionRateLimit;
  guestSubmissionsPerIpPerMinute?: number;
  admission?: QueueAdmission;
}): Promise<{ submissionId: string; gradingRunId: string }> {
  const code = checkCode(options.code);
  return db.$transaction(async (tx) => {
    await lockUserSubmissions(tx, options.userId);
    // Whether the submitter is a guest is read here, not taken from the caller.
    const user = await tx.user.findUnique({ where: { id: options.userId }, select: { isAnonymous: true } });
    if (!user) throw new AppError("unauthorized", "Your session has ended. Reload the page to start a new one.");
    const exercise = await tx.exercise.findUnique({
      where: { trackSlug: options.trackSlug },
      select: { id: true, language: true, archived: true },
    });
    if (!exercise || exercise.archived) {
      throw new AppError("not_found", `There is no exercise "${options.trackSlug}".`);
    }
    await enforceSubmissionRateLimit({ tx, userId: options.userId, limit: options.rateLimit });
    const ipKey = user.isAnonymous === true ? guestIpKey(options.clientIp) : null;
    if (ipKey) await enforceGuestIpLimit({ tx, ipKey, max: options.guestSubmissionsPerIpPerMinute });
    // Last: the queue lock is global and held until commit.
    await admitToQueue({ tx, userId: options.userId, admission: options.admission });
    const submission = await tx.submission.create({
      data: {
        userId: options.userId,
        exerciseId: exercise.id,
        language: exercise.language,
        code,
        guestIpKey: ipKey,
        gradingRuns: { create: {} },
      },
      select: { id: true, gradingRuns: { select: { id: true } } },
    });
    const run = submission.gradingRuns[0];
    if (!run) throw new AppError("internal", "the first grading run was not created");
    await enqueueGradeJobs({ tx, gradingRunIds: [run.id] });
    return { submissionId: submission.id, gradingRunId: run.id };
  });
}

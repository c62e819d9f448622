// At most N submissions per user per window (every user, guest or account), counted from the submissions table itself, so the
// limit holds however many web processes or hosts take submissions. Runs inside the caller's
// transaction behind a per-user advisory lock: two requests racing for the last slot are
// serialised, and a refused submission stores nothing (the transaction rolls back).
import type { Prisma } from "../generated/prisma/client.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";

export type SubmissionRateLimit = { max: number; windowSeconds: number };

/** The configured limit (SUBMISSION_RATE_LIMIT_MAX per SUBMISSION_RATE_LIMIT_WINDOW_SECONDS; max 0 = off). */
export function submissionRateLimit(): SubmissionRateLimit {
  return { max: env.SUBMISSION_RATE_LIMIT_MAX, windowSeconds: env.SUBMISSION_RATE_LIMIT_WINDOW_SECONDS };
}

/**
 * Serialises one user's submissions until the transaction ends. Taken first, before any other
 * submission lock (guest IP, queue), so every submitting transaction locks in the same order.
 * Re-entrant: taking it again in the same transaction does not wait.
 */
export async function lockUserSubmissions(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`submission-rate:${userId}`}, 0))`;
}

export async function enforceSubmissionRateLimit(options: {
  tx: Prisma.TransactionClient;
  userId: string;
  limit?: SubmissionRateLimit;
  now?: Date;
}): Promise<void> {
  const { max, windowSeconds } = options.limit ?? submissionRateLimit();
  if (max <= 0) return;
  const now = options.now ?? new Date();
  await lockUserSubmissions(options.tx, options.userId);
  const retryInSeconds = await secondsUntilFreeSlot(
    options.tx,
    { userId: options.userId },
    { max, windowSeconds },
    now,
  );
  if (retryInSeconds === null) return;
  throw new AppError(
    "rate_limited",
    `You have submitted ${max} times in the last ${formatSeconds(windowSeconds)}. ` +
      `Try again in ${formatSeconds(retryInSeconds)}. Your code stays in the editor.`,
    { retryAfterSeconds: retryInSeconds },
  );
}

/**
 * Null while fewer than `max` submissions matching `where` fall in the window ending `now`;
 * otherwise the whole seconds (at least 1) until a slot frees up, which is when the oldest of
 * the last `max` leaves the window. Call it behind the advisory lock of the bucket it counts.
 */
export async function secondsUntilFreeSlot(
  tx: Prisma.TransactionClient,
  where: Prisma.SubmissionWhereInput,
  { max, windowSeconds }: SubmissionRateLimit,
  now: Date,
): Promise<number | null> {
  const recent = await tx.submission.findMany({
    where: { ...where, createdAt: { gt: new Date(now.getTime() - windowSeconds * 1000) } },
    orderBy: { createdAt: "desc" },
    take: max,
    select: { createdAt: true },
  });
  const oldest = recent[max - 1];
  if (!oldest) return null;
  return Math.max(1, Math.ceil((oldest.createdAt.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
}

export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

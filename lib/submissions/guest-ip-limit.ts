// Guests (anonymous users) cost nothing to create, so one person can be any number of them: their
// submissions are also counted per client IP — IPv4 address or IPv6 /64 — across every guest on
// it. Accounts are never counted this way: a class of signed-in students behind one school NAT
// shares an address. Counted from the submissions table (guest_ip_key) inside the caller's
// transaction behind a per-bucket advisory lock, like the per-user limit in rate-limit.ts.
import type { Prisma } from "../generated/prisma/client.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { ipBucket } from "../http/client-ip.ts";
import { formatSeconds, secondsUntilFreeSlot } from "./rate-limit.ts";

const WINDOW_SECONDS = 60;

/** A submission whose client IP is unknown (served without our web server) shares this bucket. */
export const UNKNOWN_IP_KEY = "unknown";

/** The bucket a guest's submission is counted in. */
export function guestIpKey(clientIp: string | null | undefined): string {
  return clientIp ? ipBucket(clientIp) : UNKNOWN_IP_KEY;
}

export async function enforceGuestIpLimit(options: {
  tx: Prisma.TransactionClient;
  ipKey: string;
  /** Submissions per minute from one bucket; GUEST_SUBMISSIONS_PER_IP_PER_MINUTE unless given (0 = off). */
  max?: number;
  now?: Date;
}): Promise<void> {
  const max = options.max ?? env.GUEST_SUBMISSIONS_PER_IP_PER_MINUTE;
  if (max <= 0) return;
  const now = options.now ?? new Date();
  await options.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`guest-ip:${options.ipKey}`}, 0))`;
  const retryInSeconds = await secondsUntilFreeSlot(
    options.tx,
    { guestIpKey: options.ipKey },
    { max, windowSeconds: WINDOW_SECONDS },
    now,
  );
  if (retryInSeconds === null) return;
  throw new AppError(
    "rate_limited",
    `Guests on your network have submitted ${max} times in the last minute. Try again in ${formatSeconds(retryInSeconds)}, ` +
      `or sign in: an account's submissions are counted for you alone. Your code stays in the editor.`,
    { retryAfterSeconds: retryInSeconds },
  );
}

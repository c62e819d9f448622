// The regrade boundary: what a teacher posts and what the progress endpoint returns.
import { z } from "zod";
import { TrackSlug } from "../http/schemas.ts";

export const StartRegradeRequest = z.object({
  /** The exercise's public id, e.g. "rust/bank-transfer". */
  exerciseId: TrackSlug,
});
export type StartRegradeRequest = z.infer<typeof StartRegradeRequest>;

export const RegradeProgress = z.object({
  id: z.uuid(),
  classId: z.uuid(),
  exercise: z.object({ trackSlug: z.string(), title: z.string() }),
  requestedBy: z.string(),
  createdAt: z.date(),
  total: z.number().int().nonnegative(),
  queued: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  /** Verdicts of the finished runs: pass / fail / error. */
  statuses: z.object({ pass: z.number().int(), fail: z.number().int(), error: z.number().int() }),
  finished: z.boolean(),
});
export type RegradeProgress = z.infer<typeof RegradeProgress>;

export const StartRegradeResponse = z.object({ regradeId: z.string(), total: z.number().int() });

/** RegradeProgress as JSON (GET …/regrades/[regradeId]), polled by the progress page. */
export const RegradeProgressResponse = RegradeProgress.extend({ createdAt: z.string() });
export type RegradeProgressResponse = z.infer<typeof RegradeProgressResponse>;

/** Runs created per transaction: big enough to be quick, small enough not to hold locks long. */
export const REGRADE_BATCH_SIZE = 200;
/** Regrade jobs run after fresh submissions (graphile-worker runs lower priorities first). */
export const REGRADE_PRIORITY = 10;

// The submission boundary: what the browser posts, and what it gets back (the routes build these
// shapes; the browser parses them with the same schemas, and a stored GradeResult is re-parsed on
// the way in, never trusted).
import { z } from "zod";
import { GradeResult } from "../../grader/contract.ts";
import { Code, TrackSlug } from "../http/schemas.ts";

export { checkCode, MAX_CODE_BYTES } from "./code-rules.ts";

export const SubmitRequest = z.object({
  /** The exercise's public id, e.g. "ts/shared-counter". */
  exerciseId: TrackSlug,
  /** The code rules (size, plain text) of code-rules.ts, at the edge. */
  code: Code,
});
export type SubmitRequest = z.infer<typeof SubmitRequest>;

export const RunState = z.enum(["queued", "running", "done"]);
export type RunState = z.infer<typeof RunState>;

export type SubmissionView = {
  id: string;
  trackSlug: string;
  code: string;
  createdAt: Date;
  run: { id: string; state: RunState; result: GradeResult | null };
};

export const SubmitResponse = z.object({ submissionId: z.string(), gradingRunId: z.string() });
export type SubmitResponse = z.infer<typeof SubmitResponse>;

export const SubmissionResponse = z.object({
  submission: z.object({
    id: z.string(),
    exerciseId: z.string(),
    code: z.string(),
    createdAt: z.string(),
    run: z.object({ id: z.string(), state: RunState, result: GradeResult.nullable() }),
  }),
});
export type SubmissionResponse = z.infer<typeof SubmissionResponse>;
export type SubmissionDetail = SubmissionResponse["submission"];

/** The viewer's submissions for one exercise (GET /api/submissions?exerciseId=…). */
export const SubmissionListQuery = z.object({ exerciseId: TrackSlug });

export const SubmissionListItem = z.object({
  id: z.string(),
  /** ISO. */
  createdAt: z.string(),
  state: RunState,
  // Plain columns copied from the result; the UI narrows them and tolerates unknown values.
  status: z.string().nullable(),
  reason: z.string().nullable(),
  score: z.number().nullable(),
});
export type SubmissionListItem = z.infer<typeof SubmissionListItem>;

export const SubmissionListResponse = z.object({ submissions: z.array(SubmissionListItem) });

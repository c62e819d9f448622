// The submission boundary: what the browser posts, and what it gets back.
import { z } from "zod";
import { GradeResult, Reason, Status } from "../../grader/contract.ts";
import { Code, ExerciseSlug } from "../http/schemas.ts";

export { checkCode, MAX_CODE_BYTES } from "./code-rules.ts";

export const SubmitRequest = z.object({
  /** The exercise's public id, e.g. "ts/shared-counter". */
  exerciseId: ExerciseSlug,
  /** The code rules (size, plain text) of code-rules.ts, at the edge. */
  code: Code,
});
export type SubmitRequest = z.infer<typeof SubmitRequest>;

export const RunState = z.enum(["queued", "running", "done"]);
export type RunState = z.infer<typeof RunState>;

export type SubmissionView = {
  id: string;
  exerciseSlug: string;
  code: string;
  createdAt: Date;
  run: { id: string; state: RunState; result: GradeResult | null };
};

export const SubmissionListItem = z.object({
  id: z.string(),
  createdAt: z.date(),
  state: RunState,
  status: Status.nullable(),
  reason: Reason.nullable(),
  score: z.number().nullable(),
});
export type SubmissionListItem = z.infer<typeof SubmissionListItem>;

// Shapes of the JSON the API routes return. The routes build them; the browser parses them with
// the same schemas (a stored GradeResult is re-parsed on the way in, never trusted).
import { z } from "zod";
import { GradeResult } from "@/grader/contract";

export const RunState = z.enum(["queued", "running", "done"]);
export type RunState = z.infer<typeof RunState>;

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

export const SubmissionListItem = z.object({
  id: z.string(),
  createdAt: z.string(),
  state: RunState,
  // Plain columns copied from the result; the UI narrows them and tolerates unknown values.
  status: z.string().nullable(),
  reason: z.string().nullable(),
  score: z.number().nullable(),
});
export type SubmissionListItem = z.infer<typeof SubmissionListItem>;

export const SubmissionListResponse = z.object({ submissions: z.array(SubmissionListItem) });

export const DraftResponse = z.object({ draft: z.object({ code: z.string(), updatedAt: z.string() }).nullable() });
export type DraftResponse = z.infer<typeof DraftResponse>;

export const SaveDraftResponse = z.object({ updatedAt: z.string() });

export const ApiErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

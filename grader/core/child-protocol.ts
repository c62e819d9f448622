// Messages between grade() and its grading child, over the IPC channel (never stdout, which
// nothing in the child writes to). Both sides parse what they receive.
import { z } from "zod";
import { GradeResult, Seed } from "../contract.ts";
import { ExerciseMeta } from "../../exercises/schema.ts";

export const GradeJob = z.object({
  type: z.literal("grade"),
  exerciseId: z.string(),
  dir: z.string(),
  meta: ExerciseMeta,
  code: z.string(),
  seed: Seed,
});
export type GradeJob = z.infer<typeof GradeJob>;

/** How often a working child says it is alive. */
export const HEARTBEAT_MS = 500;

export const ChildMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  /** Sent while a job runs: the child's own event loop still turns (see GraderChild's stall check). */
  z.object({ type: z.literal("alive") }),
  z.object({ type: z.literal("result"), result: GradeResult }),
  /**
   * isolated-vm reported a catastrophic error (V8 lost an isolate) and the child is about to
   * abort: "memory" when V8 ran out of memory for one isolate. Sent by the harness on its own
   * channel, so nothing a student prints can claim it.
   */
  z.object({ type: z.literal("catastrophe"), kind: z.enum(["memory", "other"]) }),
]);
export type ChildMessage = z.infer<typeof ChildMessage>;

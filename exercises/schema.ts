// The metadata file of one exercise, `exercises/<track>/<slug>/exercise.json`
// (../shared/DESIGN.md, Contracts §1). The loader, the checks and the editor's JSON schema
// (exercise.schema.json, generated from this file) all read it through this one schema.
import { z } from "zod";
import { Reason, Status, statusOfReason } from "../grader/contract.ts";

export const TRACKS = ["ts", "rust"] as const;
export const Track = z.enum(TRACKS);
export type Track = z.infer<typeof Track>;

export const Language = z.enum(["typescript", "rust"]);
export type Language = z.infer<typeof Language>;

/** The language every exercise of a track is written in. */
export const TRACK_LANGUAGE: Record<Track, Language> = { ts: "typescript", rust: "rust" };

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Limits = z
  .object({
    cpuMs: z
      .number()
      .int()
      .min(10)
      .max(60_000)
      .describe("CPU budget of one call of the student's code, summed over all its threads/isolates"),
    wallMs: z
      .number()
      .int()
      .min(10)
      .max(60_000)
      .describe(
        "time budget of one call of the student's code (the TypeScript runner leaves out time spent waiting for a core; raw wall time is only its safety net)",
      ),
    memoryMb: z.number().int().min(8).max(1024).describe("memory limit per isolate (TS) or per process (Rust)"),
    maxWorkers: z
      .number()
      .int()
      .min(0)
      .max(64)
      .describe("most workers/threads the student may start in one call; more is fail/thread_budget"),
  })
  .strict();
export type Limits = z.infer<typeof Limits>;

/** A verdict an exercise file expects: the status and, unless it passes, the reason. */
export const Expectation = z
  .object({ status: Status, reason: Reason.optional() })
  .strict()
  .superRefine((e, ctx) => {
    if (e.status === "pass" && e.reason !== undefined) {
      ctx.addIssue({ code: "custom", message: "a passing expectation has no reason", path: ["reason"] });
    }
    if (e.status !== "pass" && e.reason === undefined) {
      ctx.addIssue({ code: "custom", message: "a failing expectation needs a reason", path: ["reason"] });
    }
    if (e.status !== "pass" && e.reason !== undefined && statusOfReason(e.reason) !== e.status) {
      ctx.addIssue({
        code: "custom",
        message: `reason ${e.reason} belongs to status ${statusOfReason(e.reason)}`,
        path: ["status"],
      });
    }
  });
export type Expectation = z.infer<typeof Expectation>;

/** A known-bad solution must be caught: its expected status is never "pass". */
const BadExpectation = Expectation.refine((e) => e.status !== "pass", {
  message: "a bad solution must not pass",
  path: ["status"],
});

const HINT_LEVELS = ["symptom", "concept", "api"] as const;

/**
 * One step of help after a failure. Verdict messages say what the code did; hints say how to
 * fix it, revealed one at a time (symptom → concept → API), so the first failure does not hand
 * out the whole answer.
 */
export const Hint = z
  .object({
    level: z
      .enum(HINT_LEVELS)
      .describe("symptom: what to look at; concept: the idea behind it; api: the call that does it"),
    text: z.string().min(10).max(400),
    reasons: z
      .array(Reason)
      .min(1)
      .optional()
      .describe("only after failures with one of these reasons (all failures when absent)"),
  })
  .strict();
export type Hint = z.infer<typeof Hint>;

export const ExerciseMeta = z
  .object({
    $schema: z.string().optional().describe("path of exercise.schema.json, for editors"),
    id: z
      .string()
      .regex(/^(ts|rust)\/[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .describe("public id `<track>/<slug>`; must match the folder"),
    uuid: z.uuid().describe("stable database key: keep it when renaming the folder"),
    title: z.string().min(3).max(120),
    summary: z.string().min(10).max(400),
    difficulty: z.enum(["intro", "core", "stretch"]),
    concepts: z.array(z.string().regex(kebab, "concepts are kebab-case")).min(1).max(12),
    language: Language,
    position: z.number().int().min(0).describe("order inside the track"),
    limits: Limits,
    thresholds: z
      .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.number())
      .default({})
      .describe("numbers the hidden tests read, e.g. minWorkSpread"),
    hints: z
      .array(Hint)
      .max(12)
      .default([])
      .refine(
        (hints) =>
          hints.every(
            (h, i) => i === 0 || HINT_LEVELS.indexOf(h.level) >= HINT_LEVELS.indexOf(hints[i - 1]?.level ?? "symptom"),
          ),
        {
          message: "hints go from symptom to concept to api",
        },
      )
      .describe("help revealed one step at a time after a failure, in order"),
    expectations: z
      .object({
        starter: Expectation.describe("verdict of the unchanged starter code"),
        bad: z
          .record(
            z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.(ts|rs)$/, "bad solution files are <what-is-wrong>.ts|.rs"),
            BadExpectation,
          )
          .describe("for every file in solutions/bad/, the verdict it must get"),
      })
      .strict(),
  })
  .strict();
export type ExerciseMeta = z.infer<typeof ExerciseMeta>;

/** The JSON schema editors use for exercise.json (committed as exercises/exercise.schema.json). */
export function exerciseJsonSchema(): string {
  const schema = z.toJSONSchema(ExerciseMeta, { io: "input" });
  return `${JSON.stringify({ ...schema, title: "Interleave exercise metadata" }, null, 2)}\n`;
}

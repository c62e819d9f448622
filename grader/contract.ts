// GradeResult v1: the one shape the grader returns, the database stores, the UI re-parses
// and the CLI prints (../shared/DESIGN.md, Contracts §5). Extend reasons only here.
import { z } from "zod";

export const FAIL_REASONS = [
  "wrong_result",
  "lost_updates",
  "no_overlap",
  "needlessly_serial",
  "not_parallel",
  "thread_budget",
  "blocked_runtime",
  "task_failed",
  "deadlock",
  "missing_api",
] as const;

export const ERROR_REASONS = [
  "compile_error",
  "timeout",
  "memory_limit",
  "output_limit",
  "resource_limit",
  "runtime_error",
  "sandbox_violation",
  "internal",
] as const;

export const FailReason = z.enum(FAIL_REASONS);
export type FailReason = z.infer<typeof FailReason>;
export const ErrorReason = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReason>;
export const Reason = z.enum([...FAIL_REASONS, ...ERROR_REASONS]);
export type Reason = z.infer<typeof Reason>;

export const Status = z.enum(["pass", "fail", "error"]);
export type Status = z.infer<typeof Status>;

/** The status a reason implies: the fail reasons are the student's fault, the rest are errors. */
export function statusOfReason(reason: Reason): Exclude<Status, "pass"> {
  return (FAIL_REASONS as readonly string[]).includes(reason) ? "fail" : "error";
}

export const SpanKind = z.enum(["run", "wait", "blocked", "lock"]);
export type SpanKind = z.infer<typeof SpanKind>;

export const Span = z.object({
  task: z.string().max(200),
  thread: z.string().max(200),
  kind: SpanKind,
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
});
export type Span = z.infer<typeof Span>;

export const Timing = z.object({
  wallMs: z.number().nonnegative().optional(),
  cpuMs: z.number().nonnegative().optional(),
  virtualMs: z.number().nonnegative().optional(),
  longestStallMs: z.number().nonnegative().optional(),
  workSpread: z.number().nonnegative().optional(),
  threadsUsed: z.number().int().nonnegative().optional(),
  speedup: z.number().nonnegative().optional(),
});
export type Timing = z.infer<typeof Timing>;

const jsonValue: z.ZodType<unknown> = z.unknown();

export const TestResult = z.object({
  name: z.string().min(1).max(300),
  status: Status,
  reason: Reason.optional(),
  message: z.string().max(4000).optional(),
  expected: jsonValue.optional(),
  actual: jsonValue.optional(),
  durationMs: z.number().nonnegative(),
  clock: z.enum(["virtual", "real"]),
  timing: Timing.optional(),
  trace: z.array(Span).max(5000).optional(),
});
export type TestResult = z.infer<typeof TestResult>;

/** A place a diagnostic refers to besides its own (rustc's secondary spans: "await occurs here"). */
export const RelatedSpan = z.object({
  message: z.string().max(1000),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive(),
  endColumn: z.number().int().positive(),
});
export type RelatedSpan = z.infer<typeof RelatedSpan>;

export const Diagnostic = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.string().max(50).optional(),
  message: z.string().max(4000),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive(),
  endColumn: z.number().int().positive(),
  /** Optional (additive to v1): other places in the student's file the message points at. */
  related: z.array(RelatedSpan).max(10).optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** A grade's input seed: an unsigned 32-bit integer. */
export const Seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

export const GradeResult = z
  .object({
    version: z.literal(1),
    status: Status,
    reason: Reason.optional(),
    message: z.string().max(4000),
    score: z.number().min(0).max(1),
    tests: z.array(TestResult),
    diagnostics: z.array(Diagnostic),
    stdout: z.string(),
    stderr: z.string(),
    truncated: z.boolean(),
    /**
     * The seed the hidden tests drew this grade's inputs from (ids, counts, latencies, values):
     * inputs change every grade, so a remembered answer fails; `grade --seed N` replays one.
     */
    seed: Seed.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.status === "pass" && r.reason !== undefined) {
      ctx.addIssue({ code: "custom", message: "a passing result has no reason", path: ["reason"] });
    }
    if (r.status !== "pass" && r.reason === undefined) {
      ctx.addIssue({ code: "custom", message: "a failing result needs a reason", path: ["reason"] });
    }
    if (r.reason !== undefined && r.status !== "pass" && statusOfReason(r.reason) !== r.status) {
      ctx.addIssue({
        code: "custom",
        message: `reason ${r.reason} belongs to status ${statusOfReason(r.reason)}`,
        path: ["status"],
      });
    }
  });
export type GradeResult = z.infer<typeof GradeResult>;

/** Caps applied to stdout/stderr before a result leaves the grader. */
export const OUTPUT_CAP_BYTES = 16 * 1024;

import type { Reason } from "@/grader/contract";

// What each verdict reason means, in the student's words: a title for the badge line and one
// sentence on what to look at next. The grader's own message adds the specifics.
export const REASON_TEXT: Record<Reason, { title: string; hint: string }> = {
  wrong_result: { title: "Wrong result", hint: "The function returned a value the tests did not expect." },
  lost_updates: {
    title: "Lost updates",
    hint: "Two threads read the same value, both wrote back their own result, and one write was lost. Make the read-modify-write atomic.",
  },
  no_overlap: {
    title: "Waits did not overlap",
    hint: "Each wait started only after the previous one finished. Start them all first, then await them together.",
  },
  needlessly_serial: {
    title: "Needlessly serial",
    hint: "The result is right, but work that could have run at the same time ran one piece after another.",
  },
  not_parallel: {
    title: "Not parallel",
    hint: "The CPU work was not split across threads: one thread did (almost) all of it.",
  },
  thread_budget: {
    title: "Too many threads",
    hint: "More threads or workers were started than this exercise allows. Reuse a small pool.",
  },
  blocked_runtime: {
    title: "Blocked the runtime",
    hint: "A long stretch of synchronous work stalled every other task. Yield, or move the work off the event loop.",
  },
  task_failed: {
    title: "A task failed",
    hint: "A spawned task or thread threw, panicked, or was never joined — its failure fails the test.",
  },
  deadlock: { title: "Deadlock", hint: "Every task ended up waiting for another; nothing could make progress." },
  missing_api: {
    title: "Missing function",
    hint: "A function the exercise asks for is not exported, or has the wrong shape. Check the starter's signatures.",
  },
  compile_error: { title: "Does not compile", hint: "Fix the errors marked in the editor, then submit again." },
  timeout: { title: "Timed out", hint: "The code ran longer than the time limit — look for a loop that never ends." },
  memory_limit: { title: "Out of memory", hint: "The code used more memory than the limit allows." },
  output_limit: {
    title: "Too much output",
    hint: "The code printed more than the output limit; remove noisy logging.",
  },
  resource_limit: {
    title: "Resource limit",
    hint: "The sandbox's hard cap on processes, threads or files was reached.",
  },
  runtime_error: { title: "Runtime error", hint: "The code threw or crashed before the tests could finish." },
  sandbox_violation: {
    title: "Not allowed",
    hint: "The code tried something the sandbox forbids (files, network, processes).",
  },
  internal: {
    title: "Grader problem",
    hint: "Something went wrong on our side, not in your code. Submit again; if it persists, tell a teacher.",
  },
};

export const STATUS_TEXT = { pass: "Passed", fail: "Failed", error: "Error" } as const;

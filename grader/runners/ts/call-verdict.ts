// Turns what the host observed during one call into at most one verdict. The order encodes
// which problem explains the others: a refused spawn or a stopped run usually makes the
// student's code throw afterwards, so those come before the thrown error itself. Every kind
// comes from the host's own records (its watchdog, isolate state, the harness's tags), never
// from the text of an error the student's code could have written.
import type { Limits } from "../../../exercises/schema.ts";
import type { StudentPositions } from "./positions.ts";
import { thrownPhrase, unclonableSentence, type Taken } from "./student-value.ts";
import { VerdictError, errorMessage, verdict, type Verdict } from "./verdicts.ts";
import type { WorkerPool } from "./worker-pool.ts";

export function decideCallVerdict(options: {
  exportName: string;
  limits: Limits;
  pool: WorkerPool;
  /** Workers still starting or running when the main function returned. */
  unfinished: Set<number>;
  stopped: Verdict | null;
  /** Something was thrown on the host's side of the call (`failure`): module problems, a stopped isolate. */
  failed: boolean;
  failure: unknown;
  /** The call's outcome as the harness tagged it; null when it never finished. */
  taken: Taken | null;
  /** The main isolate's state from the host's records (isolate-setup.ts stopOf). */
  mainStop: "host" | "memory" | null;
  missingExport: string | null;
  /** What the event loop concluded: blocked_runtime, deadlock, or hung in virtual time. */
  runtime: Verdict | null;
  positions: StudentPositions;
}): Verdict | null {
  const { exportName, limits, pool, unfinished, stopped, failed, failure, taken } = options;
  if (pool.attempted > limits.maxWorkers) {
    return verdict(
      "thread_budget",
      `tried to start ${pool.attempted} workers in one call of ${exportName}(…); this exercise allows at most ${limits.maxWorkers}, and each worker is a whole thread with its own isolate.`,
    );
  }
  if (stopped) return stopped;
  const threw = taken?.tag === "threw";
  // isolated-vm disposed the isolate at its memory limit, or refused a buffer and the call then failed.
  if (options.mainStop === "memory" && (failed || threw)) {
    return verdict("memory_limit", `${exportName}(…) ran out of memory (limit ${limits.memoryMb} MB per isolate)`);
  }
  const limitHit = pool.workers.find(
    (w) => w.failure && (w.failure.reason === "memory_limit" || w.failure.reason === "timeout"),
  );
  if (limitHit?.failure) return limitHit.failure;
  if (failure instanceof VerdictError) return failure.verdict;
  if (options.missingExport !== null) {
    return options.missingExport === "undefined"
      ? verdict("missing_api", `your module does not export a function named ${exportName}`)
      : verdict("missing_api", `${exportName} should be an exported function, but it is ${options.missingExport}`);
  }
  if (failed)
    return verdict(
      "runtime_error",
      `${exportName}(…) could not run to the end: ${errorMessage(failure).slice(0, 300)}`,
    );

  const { runtime } = options;
  if (runtime?.reason === "blocked_runtime") return runtime;
  // A worker that threw fails the test when nobody handled it: never joined, or joined and
  // the error propagated out of the main function. It also explains a deadlock it caused.
  const crashed = pool.workers.find((w) => w.state === "failed" && w.failure && (!w.joined || threw));
  if (crashed?.failure) {
    const how = crashed.joined ? "and the error reached the end of your function" : "and it was never joined";
    return verdict("task_failed", `${crashed.failure.message} ${how}`);
  }
  if (runtime) return runtime;
  if (taken?.tag === "threw") {
    // The student's own error explains the call; workers left running are a consequence.
    const left = pool.workers.filter((w) => !w.joined).length;
    const note =
      left > 0 ? ` (${left} worker${left === 1 ? " it had started was" : "s it had started were"} never joined)` : "";
    return verdict(
      "runtime_error",
      `${exportName}(…) threw ${thrownPhrase(taken.thrown, (stack) => options.positions.frames(stack))}${note}`,
    );
  }
  const forgotten = pool.workers.find((w) => !w.joined);
  if (forgotten) {
    const still = unfinished.has(forgotten.id) ? "was still running when" : "finished, but";
    return verdict(
      "task_failed",
      `${forgotten.name} ${still} ${exportName}(…) returned without joining it, so nothing waited for its work or saw its errors`,
    );
  }
  if (taken?.tag === "unclonable")
    return verdict("wrong_result", `${exportName}(…) ${unclonableSentence(taken, "sandbox")}`);
  return null;
}

// Turns what the host observed during one call into at most one verdict. The order encodes
// which problem explains the others: a refused spawn or a stopped run usually makes the
// student's code throw afterwards, so those come before the thrown error itself.
import type { Limits } from "../../../exercises/schema.ts";
import { VerdictError, describeThrown, errorMessage, isCopyFailure, isolateStop, verdict, type Verdict } from "./verdicts.ts";
import type { WorkerPool } from "./worker-pool.ts";

export function decideCallVerdict(options: {
  exportName: string;
  limits: Limits;
  pool: WorkerPool;
  /** Workers still starting or running when the main function returned. */
  unfinished: Set<number>;
  stopped: Verdict | null;
  threw: boolean;
  thrown: unknown;
  missingExport: string | null;
  /** What the event loop concluded: blocked_runtime, deadlock, or hung in virtual time. */
  runtime: Verdict | null;
}): Verdict | null {
  const { exportName, limits, pool, unfinished, stopped, threw, thrown } = options;
  if (pool.attempted > limits.maxWorkers) {
    return verdict(
      "thread_budget",
      `tried to start ${pool.attempted} workers in one call of ${exportName}(…); this exercise allows at most ${limits.maxWorkers}. ` +
        "A worker is a whole thread with its own isolate: use a few for CPU-heavy work, and plain async code (many tasks on one thread) for waiting.",
    );
  }
  if (stopped) return stopped;
  const mainStop = threw ? isolateStop(thrown) : null;
  if (mainStop === "memory_limit") {
    return verdict("memory_limit", `${exportName}(…) ran out of memory (limit ${limits.memoryMb} MB per isolate)`);
  }
  const limitHit = pool.workers.find((w) => w.failure && (w.failure.reason === "memory_limit" || w.failure.reason === "timeout"));
  if (limitHit?.failure) return limitHit.failure;
  if (mainStop === "timeout") {
    return verdict("timeout", `${exportName}(…) was still running after ${limits.wallMs} ms: look for a loop that never ends`);
  }
  if (thrown instanceof VerdictError) return thrown.verdict;
  if (options.missingExport !== null) {
    return options.missingExport === "undefined"
      ? verdict("missing_api", `your module does not export a function named ${exportName}`)
      : verdict("missing_api", `${exportName} should be an exported function, but it is ${options.missingExport}`);
  }

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
  const forgotten = pool.workers.find((w) => !w.joined);
  if (forgotten) {
    const still = unfinished.has(forgotten.id) ? "was still running when" : "finished, but";
    return verdict(
      "task_failed",
      `${forgotten.name} ${still} ${exportName}(…) returned without joining it: await handle.join() for every worker so its work is done and its errors are seen`,
    );
  }
  if (threw) {
    if (isCopyFailure(errorMessage(thrown))) {
      return verdict(
        "wrong_result",
        `${exportName}(…) returned a value that cannot leave the sandbox (${errorMessage(thrown)}); return plain data such as numbers, strings, arrays or plain objects without getters`,
      );
    }
    return verdict("runtime_error", `${exportName}(…) threw ${describeThrown(thrown)}`);
  }
  return null;
}

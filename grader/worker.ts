// `./interleave worker`: the one bridge between the queue and the grading engine. It claims a
// "grade" job, loads the run through lib/, calls grader/core's grade(), and stores the result
// through lib/. Concurrency 1: timing-sensitive grading must not compete with itself. Safe to
// run twice (a done run is never graded again); a job out of retries stores an `internal`
// error the teacher can regrade; SIGTERM/SIGINT drain the running job and exit 0.
import os from "node:os";
import { z } from "zod";
import { run, runOnce, type JobHelpers, type Runner, type RunnerOptions, type WorkerEvents } from "graphile-worker";
import { embeddedDatabaseUrl } from "../lib/db/embedded-defaults.ts";
import { disconnectDb } from "../lib/db.ts";
import { optionalEnv } from "../lib/env.ts";
import { claimGradingRun } from "../lib/grading/claim-grading-run.ts";
import { internalErrorResult } from "../lib/grading/internal-error-result.ts";
import { storeGradeResult } from "../lib/grading/store-grade-result.ts";
import { SWEEP_TASK, sweepStaleRuns } from "../lib/grading/sweep-stale-runs.ts";
import { GRADE_TASK, GradeJobPayload } from "../lib/queue/grade-job.ts";
import { queueLogger } from "../lib/queue/queue-logger.ts";
import type { GradeResult } from "./contract.ts";

export type GradeFn = (options: { exerciseId: string; code: string; signal?: AbortSignal }) => Promise<GradeResult>;

export type GradeWorkerOptions = {
  databaseUrl: string;
  /** Injected in tests; by default grader/core's grade(). */
  grade?: GradeFn;
  workerId?: string;
  pollInterval?: number;
  events?: WorkerEvents;
  quiet?: boolean;
  /** Every minute, requeue or fail runs whose worker died (lib/grading/sweep-stale-runs.ts). */
  sweep?: boolean;
};

const defaultGrade: GradeFn = async (options) => (await import("./core/grade.ts")).grade(options);

export function gradeTask(options: { grade: GradeFn; workerId: string }) {
  return async (payload: unknown, helpers: JobHelpers): Promise<void> => {
    const parsed = GradeJobPayload.safeParse(payload);
    if (!parsed.success) {
      // Retrying cannot fix a malformed message: log it and let the job complete.
      helpers.logger.error(`job ${helpers.job.id}: invalid payload ${JSON.stringify(payload)}: ${z.prettifyError(parsed.error)}`);
      return;
    }
    const { gradingRunId } = parsed.data;
    const claim = await claimGradingRun({ gradingRunId, workerId: options.workerId });
    if (claim.kind !== "claimed") {
      helpers.logger.info(`run ${gradingRunId} is ${claim.kind}; nothing to grade`);
      return;
    }
    const finalAttempt = helpers.job.attempts >= helpers.job.max_attempts;
    try {
      const result = await options.grade({ exerciseId: claim.exerciseSlug, code: claim.code, signal: helpers.abortSignal });
      await storeGradeResult({ gradingRunId, result });
    } catch (error) {
      if (!finalAttempt) throw error; // graphile-worker retries with backoff
      const why = error instanceof Error ? error.message : String(error);
      await storeGradeResult({
        gradingRunId,
        result: internalErrorResult(`Grading failed ${helpers.job.attempts} times; a teacher can regrade it. Last error: ${why}`),
      });
    }
  };
}

function runnerOptions(options: GradeWorkerOptions): RunnerOptions {
  const workerId = options.workerId ?? `${os.hostname()}/${process.pid}`;
  return {
    connectionString: options.databaseUrl,
    concurrency: 1,
    maxPoolSize: 4,
    pollInterval: options.pollInterval ?? 2000,
    noHandleSignals: true,
    // Only the sweeper is scheduled (a string, so no crontab file is looked up).
    crontab: options.sweep ? `* * * * * ${SWEEP_TASK}` : "",
    // A drain lets the running job finish; its own watchdog bounds it, this only backs it up.
    gracefulShutdownAbortTimeout: 120_000,
    logger: queueLogger({ quiet: options.quiet }),
    events: options.events,
    taskList: {
      [GRADE_TASK]: gradeTask({ grade: options.grade ?? defaultGrade, workerId }),
      [SWEEP_TASK]: async (_payload, helpers) => {
        const swept = await sweepStaleRuns();
        if (swept.requeued.length + swept.failed.length > 0) {
          helpers.logger.warn(`stale runs: requeued ${swept.requeued.join(", ") || "none"}; failed ${swept.failed.join(", ") || "none"}`);
        }
      },
    },
  };
}

/** Starts a worker in this process (the command, tests and the latency bench use it). */
export async function startGradeWorker(options: GradeWorkerOptions): Promise<Runner> {
  return run(runnerOptions(options));
}

/** Processes every job that is ready now, then returns. */
export async function drainGradeJobs(options: GradeWorkerOptions): Promise<void> {
  await runOnce(runnerOptions(options));
}

export async function workerCommand(args: string[]): Promise<number> {
  const once = args.includes("--once");
  if (args.some((arg) => arg !== "--once")) {
    process.stderr.write("usage: ./interleave worker [--once]   (DATABASE_URL, else the embedded database)\n");
    return 2;
  }
  const databaseUrl = optionalEnv("DATABASE_URL") ?? embeddedDatabaseUrl();
  try {
    if (once) {
      await drainGradeJobs({ databaseUrl });
      return 0;
    }
    return await runUntilSignalled(databaseUrl);
  } finally {
    await disconnectDb();
  }
}

/** Runs the worker until SIGTERM/SIGINT, then drains (0); a second signal stops at once (1). */
async function runUntilSignalled(databaseUrl: string): Promise<number> {
  // Handlers first: a signal that arrives while starting must drain too, not kill the process.
  let runner: Runner | undefined;
  let stopping: Promise<void> | undefined;
  let killed = false;
  let stopRequested: NodeJS.Signals | undefined;
  const drain = (signal: NodeJS.Signals) => {
    if (stopRequested && runner) {
      process.stderr.write(`[worker] ${signal} again: stopping without waiting\n`);
      killed = true;
      void runner.kill(signal);
      return;
    }
    stopRequested = signal;
    process.stderr.write(`[worker] ${signal}: finishing the running job, then exiting\n`);
    if (runner) stopping = runner.stop(signal);
  };
  process.on("SIGTERM", drain);
  process.on("SIGINT", drain);
  try {
    runner = await startGradeWorker({ databaseUrl, sweep: true });
    if (stopRequested) stopping = runner.stop(stopRequested);
    else process.stderr.write(`[worker] ready (pid ${process.pid}); SIGTERM or Ctrl-C drains and stops\n`);
    await runner.promise;
    await stopping;
  } finally {
    process.off("SIGTERM", drain);
    process.off("SIGINT", drain);
  }
  return killed ? 1 : 0;
}

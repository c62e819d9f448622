// `./interleave worker`: the one bridge between the queue and the grading engine. One process
// grades one job at a time (concurrency 1: timing-sensitive grading must not compete with
// itself); more throughput means more processes (`./interleave start` runs GRADING_WORKERS of
// them, other hosts run `./interleave worker` against DATABASE_URL). The "grade" task is in
// grade-task.ts. SIGTERM/SIGINT: stop taking jobs, finish the running one, exit 0.
import http from "node:http";
import os from "node:os";
import {
  makeWorkerUtils,
  run,
  runOnce,
  type Runner,
  type RunnerOptions,
  type WorkerEvents,
  type WorkerUtils,
} from "graphile-worker";
import { embeddedDatabaseUrl } from "../lib/db/embedded-defaults.ts";
import { disconnectDb } from "../lib/db.ts";
import { env, optionalEnv, setEnv } from "../lib/env.ts";
import { SWEEP_TASK, sweepStaleRuns } from "../lib/grading/sweep-stale-runs.ts";
import { jsonLogger, type JsonLogger } from "../lib/observability/json-log.ts";
import { childRestarts, sweptRuns } from "../lib/observability/metrics.ts";
import { handleOpsRequest } from "../lib/observability/ops-endpoints.ts";
import { GRADE_TASK } from "../lib/queue/grade-job.ts";
import { queueLogger } from "../lib/queue/queue-logger.ts";
import { gradeTask, type GradeFn } from "./grade-task.ts";
import { testGrader } from "./test-grader.ts";

export type { GradeFn } from "./grade-task.ts";

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
  /** Logs as JSON lines (the worker command); tests keep the plain queue log. */
  json?: boolean;
};

const defaultGrade: GradeFn = async (options) => {
  const core = await import("./core/grade.ts");
  const before = core.childHangs();
  try {
    return await core.grade(options);
  } finally {
    childRestarts.inc(core.childHangs() - before);
  }
};

/** The grader for this process: grader/core's, or a test-only one when NODE_ENV=test asks for it. */
function chooseGrade(log: JsonLogger): GradeFn {
  const kind = optionalEnv("INTERLEAVE_TEST_GRADER");
  if (kind === undefined) return defaultGrade;
  if (optionalEnv("NODE_ENV") !== "test") throw new Error("INTERLEAVE_TEST_GRADER is honoured only with NODE_ENV=test");
  log.warn(`TEST GRADER "${kind}" replaces grader/core in this worker`);
  return testGrader(kind);
}

function runnerOptions(options: GradeWorkerOptions, utils?: WorkerUtils): RunnerOptions {
  const workerId = options.workerId ?? `${os.hostname()}/${process.pid}`;
  const log = options.json ? jsonLogger({ workerId }) : jsonLogger({ workerId }, () => {});
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
    logger: queueLogger({ quiet: options.quiet, json: options.json, workerId }),
    events: options.events,
    taskList: {
      [GRADE_TASK]: gradeTask({ grade: options.grade ?? chooseGrade(log), workerId, log }),
      [SWEEP_TASK]: async () => {
        const swept = await sweepStaleRuns({ utils, staleAfterMs: env.GRADING_STALE_AFTER_SECONDS * 1000 });
        sweptRuns.inc({ action: "requeued" }, swept.requeued.length);
        sweptRuns.inc({ action: "failed" }, swept.failed.length);
        if (swept.requeued.length + swept.failed.length > 0) {
          log.warn("stale runs swept", { requeued: swept.requeued, failed: swept.failed });
        }
      },
    },
  };
}

/** Starts a worker in this process (the command, tests and the latency bench use it). */
export async function startGradeWorker(options: GradeWorkerOptions): Promise<Runner> {
  const utils = options.sweep
    ? await makeWorkerUtils({ connectionString: options.databaseUrl, logger: queueLogger({ quiet: true }) })
    : undefined;
  const runner = await run(runnerOptions(options, utils));
  void runner.promise.finally(() => utils?.release());
  return runner;
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
  setEnv("DATABASE_URL", databaseUrl); // lib/db and the sweeper read it through lib/env
  try {
    if (once) {
      await drainGradeJobs({ databaseUrl, json: true });
      return 0;
    }
    return await runUntilSignalled(databaseUrl);
  } finally {
    await disconnectDb();
  }
}

/** /healthz, /readyz and /metrics of this worker on WORKER_METRICS_PORT, when set. */
async function startOpsServer(log: JsonLogger): Promise<http.Server | undefined> {
  const port = optionalEnv("WORKER_METRICS_PORT");
  if (port === undefined) return undefined;
  const metricsToken = optionalEnv("METRICS_TOKEN");
  const server = http.createServer((req, res) => {
    handleOpsRequest(req, res, { metricsToken })
      .then((handled) => {
        if (!handled) res.writeHead(404).end();
      })
      .catch((error: unknown) => {
        log.error("ops endpoint failed", { error: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, resolve));
  server.unref();
  log.info(`ops endpoints on port ${port} (/healthz, /readyz, /metrics)`);
  return server;
}

/** Runs the worker until SIGTERM/SIGINT, then drains (0); a second signal stops at once (1). */
async function runUntilSignalled(databaseUrl: string): Promise<number> {
  const log = jsonLogger({ workerId: `${os.hostname()}/${process.pid}` });
  // Handlers first: a signal that arrives while starting must drain too, not kill the process.
  let runner: Runner | undefined;
  let stopping: Promise<void> | undefined;
  let killed = false;
  let stopRequested: NodeJS.Signals | undefined;
  const drain = (signal: NodeJS.Signals) => {
    if (stopRequested && runner) {
      log.warn(`${signal} again: stopping without waiting`);
      killed = true;
      void runner.kill(signal);
      return;
    }
    stopRequested = signal;
    log.info(`${signal}: finishing the running job, then exiting`);
    if (runner) stopping = runner.stop(signal);
  };
  process.on("SIGTERM", drain);
  process.on("SIGINT", drain);
  const ops = await startOpsServer(log);
  try {
    runner = await startGradeWorker({ databaseUrl, sweep: true, json: true });
    if (stopRequested) stopping = runner.stop(stopRequested);
    else log.info(`ready (pid ${process.pid}); SIGTERM or Ctrl-C drains and stops`);
    await runner.promise;
    await stopping;
  } finally {
    process.off("SIGTERM", drain);
    process.off("SIGINT", drain);
    ops?.close();
  }
  log.info("stopped");
  return killed ? 1 : 0;
}

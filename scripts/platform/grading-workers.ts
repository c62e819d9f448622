// The grading workers of `./interleave start`: GRADING_WORKERS processes (`./interleave worker`),
// each grading one job at a time. The default is one per two cores, at least one: a grade runs
// real threads of its own (a TS exercise's isolates on their threads, a Rust exercise's fixed
// rayon/tokio pools) and the web and Postgres share the machine, so one worker per core would
// have grades compete for cores; parallelism verdicts read per-thread CPU and hold under load,
// but wall-clock speedups shown to students read truer with a core to spare. On this 2-core
// machine that is 1, as before. A worker that dies is started again, unless it keeps dying.
import os from "node:os";
import path from "node:path";
import { startChild, stopChild, type Child } from "./processes.ts";

export function defaultWorkerCount(cores = os.availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 2));
}

/** A worker that dies within this long of starting, this many times in a row, is given up. */
const QUICK_DEATH_MS = 10_000;
const QUICK_DEATHS_ALLOWED = 3;

export type WorkerFleet = {
  children: () => Child[];
  /** Resolves when a worker keeps dying (the platform then stops), with its exit code. */
  givenUp: Promise<{ name: string; code: number }>;
  stop: () => Promise<void>;
};

export function startGradingWorkers(options: {
  root: string;
  count: number;
  env: NodeJS.ProcessEnv;
  /** Worker i serves /metrics on basePort + i. */
  metricsBasePort?: number;
  log: (line: string) => void;
  quiet?: boolean;
}): WorkerFleet {
  let stopping = false;
  let giveUp!: (value: { name: string; code: number }) => void;
  const givenUp = new Promise<{ name: string; code: number }>((resolve) => (giveUp = resolve));
  const slots: Child[] = [];

  const launch = (index: number, quickDeaths: number) => {
    const name = options.count === 1 ? "worker" : `worker-${index + 1}`;
    const env = { ...options.env };
    if (options.metricsBasePort !== undefined) env.WORKER_METRICS_PORT = String(options.metricsBasePort + index);
    const startedAt = Date.now();
    const child = startChild({
      name,
      command: process.execPath,
      args: [
        "--no-node-snapshot",
        "--disable-warning=ExperimentalWarning",
        "--import",
        "tsx",
        path.join(options.root, "scripts/cli.ts"),
        "worker",
      ],
      cwd: options.root,
      env,
      log: options.quiet ? () => {} : undefined,
    });
    slots[index] = child;
    void child.exited.then((code) => {
      if (stopping) return;
      const quick = Date.now() - startedAt < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
      if (quick >= QUICK_DEATHS_ALLOWED) {
        options.log(`${name} exited (${code}) ${quick} times right after starting; giving up`);
        giveUp({ name, code });
        return;
      }
      options.log(`${name} exited (${code}); starting it again (its job, if any, is retried by the sweeper)`);
      setTimeout(() => !stopping && launch(index, quick), 1000);
    });
  };
  for (let i = 0; i < options.count; i++) launch(i, 0);

  return {
    children: () => [...slots],
    givenUp,
    stop: async () => {
      stopping = true;
      // A drain finishes the running grade; one that outlasts this is retried by the sweeper.
      await Promise.all(slots.map((child) => stopChild(child, 60_000)));
    },
  };
}

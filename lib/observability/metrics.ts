// The process's Prometheus metrics (prom-client's default registry). Grading metrics are filled in
// by the worker that grades; queue depth is read from grading_runs when scraped, so any process
// (web or worker) reports the same cluster-wide queue.
import client from "prom-client";
import { db } from "../db.ts";

export const registry = client.register;
client.collectDefaultMetrics({ prefix: "interleave_" });

const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];

export const queueWait = new client.Histogram({
  name: "interleave_grading_queue_wait_seconds",
  help: "Time from a run's creation to a worker claiming it (each attempt).",
  buckets: SECONDS,
});

export const gradingDuration = new client.Histogram({
  name: "interleave_grading_duration_seconds",
  help: "Time grade() took in the worker, per exercise.",
  labelNames: ["exercise"] as const,
  buckets: SECONDS,
});

export const verdicts = new client.Counter({
  name: "interleave_grading_verdicts_total",
  help: "Verdicts stored by this process, by status and reason (reason is empty on pass).",
  labelNames: ["status", "reason"] as const,
});

export const gradeJobs = new client.Counter({
  name: "interleave_grading_jobs_total",
  help: "Grade jobs this worker ran, by outcome: stored, not_stored (another attempt won), skipped (run done or missing), retry, invalid.",
  labelNames: ["outcome"] as const,
});

export const childRestarts = new client.Counter({
  name: "interleave_grading_child_restarts_total",
  help: "Grading children that hung and were replaced with a fresh child.",
});

export const sweptRuns = new client.Counter({
  name: "interleave_grading_swept_runs_total",
  help: "Runs the stale-run sweeper gave back to the queue (requeued) or ended as internal errors (failed).",
  labelNames: ["action"] as const,
});

export const httpRequests = new client.Counter({
  name: "interleave_http_requests_total",
  help: "HTTP requests the web process answered, by method, route group and status.",
  labelNames: ["method", "route", "status"] as const,
});

export const httpDuration = new client.Histogram({
  name: "interleave_http_request_duration_seconds",
  help: "HTTP request duration in the web process, by route group.",
  labelNames: ["route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

new client.Gauge({
  name: "interleave_grading_runs",
  help: "Grading runs waiting (queued) or being graded (running) now, across all workers.",
  labelNames: ["state"] as const,
  async collect() {
    const rows = await db.gradingRun.groupBy({
      by: ["state"],
      where: { state: { in: ["queued", "running"] } },
      _count: { _all: true },
    });
    this.reset();
    for (const state of ["queued", "running"] as const) {
      this.set({ state }, rows.find((row) => row.state === state)?._count._all ?? 0);
    }
  },
});

new client.Gauge({
  name: "interleave_grading_oldest_queued_seconds",
  help: "Age of the oldest queued grading run (0 when none waits).",
  async collect() {
    const oldest = await db.gradingRun.findFirst({
      where: { state: "queued" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    this.set(oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0);
  },
});

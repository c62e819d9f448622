// `./interleave bench queue-latency [--n 30] [--gap-ms 150]`: how long a committed submission
// waits before a worker claims it — createSubmission's commit to graphile-worker's `job:start`
// (LISTEN/NOTIFY wake-up + get_job). The worker is idle between submissions, as on a quiet
// night; grading itself is stubbed out so only the queue is measured. Uses DATABASE_URL's server
// or an embedded Postgres under .data/bench-postgres, in a throwaway database.
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import path from "node:path";
import pg from "pg";
import type { WorkerEvents } from "graphile-worker";
import { startGradeWorker } from "../grader/worker.ts";
import { startEmbeddedPostgres } from "../lib/db/embedded.ts";
import { prepareDatabase } from "../lib/db/prepare-database.ts";
import { db, disconnectDb } from "../lib/db.ts";
import { optionalEnv } from "../lib/env.ts";
import { internalErrorResult } from "../lib/grading/internal-error-result.ts";
import { GradeJobPayload } from "../lib/queue/grade-job.ts";
import { createSubmission } from "../lib/submissions/create-submission.ts";
import { fmt, summarize } from "./stats.ts";

function flag(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} needs a number`);
  return value;
}

export async function run(args: string[]): Promise<number> {
  // One student submits back to back here; the per-user submission limit would stop the bench.
  process.env.SUBMISSION_RATE_LIMIT_MAX ??= "0";
  process.env.GRADING_IN_FLIGHT_PER_USER ??= "0";
  const n = flag(args, "--n", 30);
  const gapMs = flag(args, "--gap-ms", 150);
  const server = optionalEnv("DATABASE_URL")
    ? { url: optionalEnv("DATABASE_URL") ?? "", stop: async () => {} }
    : await startEmbeddedPostgres({
        dataDir: path.resolve(import.meta.dirname, "../.data/bench-postgres"),
        port: 5434,
        database: "postgres",
      });
  const database = `interleave_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  process.env.DATABASE_URL = databaseUrl; // lib/db reads it lazily, on first use below

  try {
    await prepareDatabase({ databaseUrl });
    const userId = `bench_${randomUUID()}`;
    await db.user.create({ data: { id: userId, name: "bench", email: `${userId}@example.test` } });
    const exercise = await db.exercise.create({
      data: {
        id: randomUUID(),
        trackSlug: "ts/bench",
        track: "ts",
        title: "Bench",
        summary: "-",
        difficulty: "intro",
        concepts: [],
        language: "typescript",
        statement: "-",
        starter: "-",
        contentHash: "0".repeat(64),
      },
    });

    const claimedAt = new Map<string, number>();
    const events: WorkerEvents = new EventEmitter();
    events.on("job:start", ({ job }) => {
      const payload = GradeJobPayload.safeParse(job.payload);
      if (payload.success) claimedAt.set(payload.data.gradingRunId, performance.now());
    });
    const grade = async () => internalErrorResult("stub grade (queue benchmark)");
    const runner = await startGradeWorker({ databaseUrl, grade, events, quiet: true });
    const latencies: number[] = [];
    const submits: number[] = [];
    try {
      for (let i = 0; i < n; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, gapMs));
        const started = performance.now();
        const { gradingRunId } = await createSubmission({
          userId,
          trackSlug: exercise.trackSlug,
          code: `// ${i}\n`,
        });
        // The commit happened just before createSubmission resolved; NOTIFY is sent at commit.
        const committed = performance.now();
        submits.push(committed - started);
        const deadline = committed + 10_000;
        while (!claimedAt.has(gradingRunId) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
        const claimed = claimedAt.get(gradingRunId);
        if (claimed === undefined) throw new Error(`submission ${i} was not claimed within 10 s`);
        latencies.push(claimed - committed);
      }
    } finally {
      await runner.stop();
    }

    const s = summarize(latencies);
    const t = summarize(submits);
    process.stdout.write(
      `## Queue latency (submit commit → worker claim)\n\n` +
        `${s.n} submissions, one idle worker (graphile-worker, LISTEN/NOTIFY, concurrency 1), ${gapMs} ms apart, ` +
        `${new Date().toISOString().slice(0, 10)}.\n\n` +
        `| measure | p50 | p95 | min | max |\n| --- | --- | --- | --- | --- |\n` +
        `| commit → claim | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.min)} | ${fmt(s.max)} |\n` +
        `| createSubmission (one transaction) | ${fmt(t.p50)} | ${fmt(t.p95)} | ${fmt(t.min)} | ${fmt(t.max)} |\n` +
        `\nExact values (ms): p50 ${s.p50.toFixed(1)}, p95 ${s.p95.toFixed(1)}.\n`,
    );
    return 0;
  } finally {
    await disconnectDb();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

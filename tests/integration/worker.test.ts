// Submission -> job -> worker -> stored result, with the real graphile-worker runner in-process
// (grade injected), plus the real grade() in a spawned `./interleave worker` process.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { GradeResult } from "@/grader/contract";
import { drainGradeJobs, startGradeWorker, type GradeFn } from "@/grader/worker";
import { db, disconnectDb } from "@/lib/db";
import { createSubmission } from "@/lib/submissions/create-submission";
import { createExercise, createUser, passResult, useTestDatabase, waitFor } from "./support/fixtures.ts";
import { spawnWorker } from "./support/worker-process.ts";

const databaseUrl = useTestDatabase();
const root = path.resolve(import.meta.dirname, "../..");
afterAll(() => disconnectDb());
// Jobs left by other test files would be graded by these workers too: start from an empty queue.
beforeEach(async () => {
  await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
});

function recordingGrade(behaviour: (call: number) => Promise<GradeResult>): { grade: GradeFn; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    grade: async ({ exerciseId, code }) => {
      calls.push(`${exerciseId}:${code}`);
      return behaviour(calls.length);
    },
  };
}

async function submit(code = "export const n = 1;\n") {
  const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
  return { ...(await createSubmission({ userId, trackSlug: exercise.trackSlug, code })), exercise };
}

const runOf = (id: string) => db.gradingRun.findUniqueOrThrow({ where: { id } });
const jobCount = async () =>
  Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs`)[0]?.n ?? -1);
// graphile-worker completes and fails jobs without awaiting it: runOnce may return first.
const queueEmpty = () => waitFor(async () => (await jobCount()) === 0);
const jobReleasedAfter = (attempts: number) =>
  waitFor(async () => {
    const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs
      WHERE locked_at IS NULL AND attempts = ${attempts}`;
    return Number(rows[0]?.n) === 1;
  });

describe("grade worker", () => {
  it("grades a new submission and stores the result with its verdict columns", async () => {
    const { grade, calls } = recordingGrade(async () => passResult());
    const runner = await startGradeWorker({ databaseUrl, grade, workerId: "test-worker", quiet: true });
    try {
      const { gradingRunId, exercise } = await submit();
      const run = await waitFor(async () => {
        const r = await runOf(gradingRunId);
        return r.state === "done" ? r : null;
      });
      expect(run).toMatchObject({
        status: "pass",
        reason: null,
        score: 1,
        attempts: 1,
        workerId: "test-worker",
        result: passResult(),
      });
      expect(run.startedAt?.getTime()).toBeLessThanOrEqual(run.finishedAt?.getTime() ?? 0);
      expect(calls).toEqual([`${exercise.trackSlug}:export const n = 1;\n`]);
      await queueEmpty();
    } finally {
      await runner.stop();
    }
  });

  it("is safe to run twice: a done run is not graded again and keeps its one result", async () => {
    const { grade, calls } = recordingGrade(async (call) => ({ ...passResult(`graded ${call}`) }));
    const { gradingRunId } = await submit();
    await drainGradeJobs({ databaseUrl, grade, quiet: true });
    // The same message delivered again (a duplicate, or a retry after a lost ack).
    await db.$executeRaw`SELECT graphile_worker.add_job('grade', json_build_object('gradingRunId', ${gradingRunId}::text))`;
    await drainGradeJobs({ databaseUrl, grade, quiet: true });

    expect(calls).toHaveLength(1);
    expect(await runOf(gradingRunId)).toMatchObject({ state: "done", attempts: 1, result: passResult("graded 1") });
    await queueEmpty();
  });

  it("retries a failing grade, then stores an internal error when the job runs out of attempts", async () => {
    const { grade, calls } = recordingGrade(async (call) => {
      throw new Error(`grader crashed (${call})`);
    });
    const { gradingRunId } = await submit();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await drainGradeJobs({ databaseUrl, grade, quiet: true });
      if (attempt === 3) break;
      // Given back to the queue while the job waits out its backoff: `running` means a worker holds it.
      expect(await runOf(gradingRunId)).toMatchObject({ state: "queued", attempts: attempt, result: null });
      // Skip graphile-worker's exponential backoff instead of waiting for it.
      await jobReleasedAfter(attempt);
      await db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    }
    expect(calls).toHaveLength(3);
    const run = await runOf(gradingRunId);
    expect(run).toMatchObject({ state: "done", status: "error", reason: "internal", score: 0, attempts: 3 });
    expect(run.result).toMatchObject({
      version: 1,
      status: "error",
      reason: "internal",
      message: expect.stringMatching(/grader crashed \(3\)/),
    });
    await queueEmpty();
  });

  it("completes a job whose payload is not a grading run id without grading anything", async () => {
    const { grade, calls } = recordingGrade(async () => passResult());
    await db.$executeRaw`SELECT graphile_worker.add_job('grade', '{"gradingRunId":"not-a-uuid"}'::json)`;
    await db.$executeRaw`SELECT graphile_worker.add_job('grade', '{"gradingRunId":"00000000-0000-4000-8000-000000000000"}'::json)`;
    await drainGradeJobs({ databaseUrl, grade, quiet: true });
    expect(calls).toEqual([]);
    await queueEmpty();
  });

  it("drains on stop: the running job finishes and is stored before the runner exits", async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const grade: GradeFn = async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 400));
      return passResult("finished while draining");
    };
    const runner = await startGradeWorker({ databaseUrl, grade, quiet: true });
    const { gradingRunId } = await submit();
    await running;
    await runner.stop();
    expect(await runOf(gradingRunId)).toMatchObject({ state: "done", result: passResult("finished while draining") });
  });
});

describe("./interleave worker (separate process)", () => {
  const spawnRealWorker = () => spawnWorker({ databaseUrl });

  it("exits 0 after SIGTERM", async () => {
    const worker = spawnRealWorker();
    await waitFor(async () => worker.stderr().includes("ready"), 60_000);
    worker.child.kill("SIGTERM");
    expect((await worker.exited).code).toBe(0);
    expect(worker.stderr()).toMatch(/SIGTERM: finishing the running job/);
  });

  // The real grader (grader/core/grade.ts) grades a reference solution end to end.
  const gradeModule = path.join(root, "grader/core/grade.ts");
  it.skipIf(!fs.existsSync(gradeModule))("grades a good reference solution with the real grade()", async () => {
    const { loadExercises } = await import("@/grader/core/load-exercises");
    const { syncExercises } = await import("@/lib/exercises/sync-exercises");
    await syncExercises({});
    const { exercises } = await loadExercises();
    const exercise = exercises.find((e) => e.track === "ts") ?? exercises[0];
    if (!exercise) throw new Error("no exercises to grade");
    const goodDir = path.join(exercise.dir, "solutions", "good");
    const goodFile = fs.readdirSync(goodDir)[0];
    if (!goodFile) throw new Error(`${goodDir} is empty`);
    const userId = await createUser();
    const { gradingRunId } = await createSubmission({
      userId,
      trackSlug: exercise.id,
      code: fs.readFileSync(path.join(goodDir, goodFile), "utf8"),
    });

    const worker = spawnRealWorker();
    try {
      const run = await waitFor(async () => {
        const r = await runOf(gradingRunId);
        return r.state === "done" ? r : null;
      }, 110_000);
      expect({ status: run.status, reason: run.reason }, worker.stderr()).toEqual({ status: "pass", reason: null });
    } finally {
      worker.child.kill("SIGTERM");
      expect((await worker.exited).code).toBe(0);
    }
  });
});

// Faults lose nothing (issue #19 part 3), with real `./interleave worker` processes: a worker
// killed with SIGKILL mid-job has its run graded again and exactly one verdict stored; a run
// whose grading keeps killing its worker ends as an `internal` verdict the student sees; SIGTERM
// drains; two workers share the queue. Graders are test-only (grader/test-grader.ts); the
// stale-run sweeper is the app's own function, called here with a zero cutoff instead of waiting.
import os from "node:os";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { sweepStaleRuns } from "@/lib/grading/sweep-stale-runs";
import { GRADE_MAX_ATTEMPTS } from "@/lib/queue/grade-job";
import { createSubmission } from "@/lib/submissions/create-submission";
import { getSubmission } from "@/lib/submissions/get-submission";
import { createExercise, createUser, useTestDatabase, waitFor } from "./support/fixtures.ts";
import { spawnWorker, type WorkerProcess } from "./support/worker-process.ts";

const databaseUrl = useTestDatabase();
const host = os.hostname();
const START_MS = 90_000;
const started: WorkerProcess[] = [];

function worker(grader: "pass" | "slow-pass" | "hang" | "crash"): WorkerProcess {
  const w = spawnWorker({ databaseUrl, grader });
  started.push(w);
  return w;
}
const ready = (w: WorkerProcess) => waitFor(async () => w.stderr().includes("ready (pid"), START_MS);

afterAll(() => disconnectDb());
// Other files' leftovers would be graded (or crashed on) by these workers: start from nothing unfinished.
beforeEach(async () => {
  await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
  await db.gradingRun.updateMany({ where: { state: { not: "done" } }, data: { state: "done" } });
});
afterEach(async () => {
  for (const w of started.splice(0)) {
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    await w.exited;
  }
});

async function submit() {
  const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
  const { gradingRunId, submissionId } = await createSubmission({
    userId,
    trackSlug: exercise.trackSlug,
    code: "export const n = 1;\n",
  });
  return { userId, gradingRunId, submissionId };
}
const runOf = (id: string) => db.gradingRun.findUniqueOrThrow({ where: { id } });
const runningBy = (id: string, w: WorkerProcess) =>
  waitFor(async () => {
    const run = await runOf(id);
    return run.state === "running" && run.workerId === w.workerId(host) ? run : null;
  }, START_MS);
const doneRun = (id: string, timeoutMs = START_MS) =>
  waitFor(async () => {
    const run = await runOf(id);
    return run.state === "done" ? run : null;
  }, timeoutMs);
const jobsFor = async (id: string) =>
  Number(
    (
      await db.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'gradingRunId' = ${id}`
    )[0]?.n,
  );

describe("grading worker faults", () => {
  it("kill -9 mid-job: the run is graded again by another worker and stores exactly one verdict", async () => {
    const { gradingRunId, submissionId } = await submit();
    const doomed = worker("hang");
    await runningBy(gradingRunId, doomed);
    doomed.child.kill("SIGKILL");
    expect((await doomed.exited).signal).toBe("SIGKILL");

    const swept = await sweepStaleRuns({ staleAfterMs: 0 });
    expect(swept.requeued).toEqual([gradingRunId]);
    const survivor = worker("pass");
    const run = await doneRun(gradingRunId);
    expect(run).toMatchObject({ status: "pass", attempts: 2, workerId: survivor.workerId(host) });
    expect(run.result).toMatchObject({ message: `test grader (pass) on pid ${survivor.pid}` });
    await waitFor(async () => (await jobsFor(gradingRunId)) === 0);
    // Structured log: the verdict line carries the run's and the submission's ids.
    const stored = await waitFor(async () => survivor.logLines().find((line) => line.msg === "verdict stored"));
    expect(stored).toMatchObject({
      gradingRunId,
      submissionId,
      attempt: 2,
      status: "pass",
      workerId: survivor.workerId(host),
    });
  });

  it("a run whose grading keeps killing its worker ends as an internal verdict the student sees", async () => {
    const { userId, gradingRunId, submissionId } = await submit();
    for (let attempt = 1; attempt <= GRADE_MAX_ATTEMPTS; attempt++) {
      const w = worker("crash");
      expect((await w.exited).signal).toBe("SIGKILL");
      expect(await runOf(gradingRunId)).toMatchObject({
        state: "running",
        attempts: attempt,
        workerId: w.workerId(host),
      });
      const swept = await sweepStaleRuns({ staleAfterMs: 0 });
      expect(attempt < GRADE_MAX_ATTEMPTS ? swept.requeued : swept.failed).toEqual([gradingRunId]);
    }
    expect(await runOf(gradingRunId)).toMatchObject({
      state: "done",
      status: "error",
      reason: "internal",
      attempts: GRADE_MAX_ATTEMPTS,
    });
    expect(await jobsFor(gradingRunId)).toBe(0);
    const seen = await getSubmission({ userId, submissionId });
    expect(seen?.run).toMatchObject({
      state: "done",
      result: { status: "error", reason: "internal", message: expect.stringMatching(/regrade/) },
    });
  });

  it("SIGTERM drains: the running grade finishes and is stored, then the worker exits 0", async () => {
    const { gradingRunId } = await submit();
    const w = worker("slow-pass");
    await runningBy(gradingRunId, w);
    w.child.kill("SIGTERM");
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(await runOf(gradingRunId)).toMatchObject({
      state: "done",
      status: "pass",
      attempts: 1,
      workerId: w.workerId(host),
    });
    expect(w.logLines().map((line) => line.msg)).toContain("SIGTERM: finishing the running job, then exiting");
  });

  it("two workers share the queue: each takes some of the runs, each run is graded once", async () => {
    const a = worker("slow-pass");
    const b = worker("slow-pass");
    await Promise.all([ready(a), ready(b)]);
    const runs: string[] = [];
    for (let i = 0; i < 6; i++) runs.push((await submit()).gradingRunId);
    const done = await Promise.all(runs.map((id) => doneRun(id, 180_000)));
    const byWorker = new Map<string, number>();
    for (const run of done) byWorker.set(run.workerId ?? "none", (byWorker.get(run.workerId ?? "none") ?? 0) + 1);
    console.log(`two-worker spread over ${runs.length} runs: ${JSON.stringify(Object.fromEntries(byWorker))}`);
    expect(done.every((run) => run.attempts === 1 && run.status === "pass")).toBe(true);
    expect([...byWorker.keys()].sort()).toEqual([a.workerId(host), b.workerId(host)].sort());
  });
});

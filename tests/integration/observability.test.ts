// /healthz, /readyz and /metrics (lib/observability/ops-endpoints.ts): who may read metrics, what a
// grading worker reports after grading, and readiness that follows the database.
import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { handleOpsRequest } from "@/lib/observability/ops-endpoints";
import { createSubmission } from "@/lib/submissions/create-submission";
import { freePort } from "@/scripts/platform/free-port";
import { createExercise, createUser, useTestDatabase, waitFor } from "./support/fixtures.ts";
import { spawnWorker } from "./support/worker-process.ts";

const databaseUrl = useTestDatabase();
const root = path.resolve(import.meta.dirname, "../..");
const TOKEN = "metrics-token-for-the-tests-0123";
let server: http.Server;
let base: string;

beforeAll(async () => {
  await db.$queryRaw`SELECT 1`; // a warm pool: readiness is about the database, not this file's first connection
  server = http.createServer((req, res) => {
    void handleOpsRequest(req, res, { metricsToken: TOKEN }).then((handled) => !handled && res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await disconnectDb();
});

describe("ops endpoints", () => {
  it("answers /healthz and /readyz, and leaves other paths to the app", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, "ready\n"]);
    expect((await fetch(`${base}/exercises`)).status).toBe(404);
  });

  it("serves /metrics to a loopback caller, refuses one that came through a proxy unless it has the token", async () => {
    const direct = await fetch(`${base}/metrics`);
    expect(direct.status).toBe(200);
    const text = await direct.text();
    expect(text).toMatch(/^interleave_grading_runs\{state="queued"\} \d+$/m);
    expect(text).toMatch(/^interleave_grading_oldest_queued_seconds \d/m);
    expect(text).toContain("# TYPE interleave_grading_duration_seconds histogram");
    const proxied = { "x-forwarded-for": "203.0.113.9" };
    expect((await fetch(`${base}/metrics`, { headers: proxied })).status).toBe(403);
    expect(
      (await fetch(`${base}/metrics`, { headers: { ...proxied, authorization: "Bearer wrong-token-wrong-token-0" } }))
        .status,
    ).toBe(403);
    expect((await fetch(`${base}/metrics`, { headers: { ...proxied, authorization: `Bearer ${TOKEN}` } })).status).toBe(
      200,
    );
  });

  it("says not ready (503) when the database does not answer", async () => {
    const script = `const m = await import(${JSON.stringify(path.join(root, "lib/observability/ops-endpoints.ts"))}); console.log(await m.databaseReady()); process.exit(0);`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: `postgresql://nobody:x@127.0.0.1:${await freePort()}/none` },
        timeout: 60_000,
      },
    );
    expect(stdout.trim()).toBe("false");
  });

  it("a worker's /metrics counts its verdicts by reason and its grading time per exercise", async () => {
    await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs`);
    await db.gradingRun.updateMany({ where: { state: { not: "done" } }, data: { state: "done" } });
    const port = await freePort();
    const worker = spawnWorker({ databaseUrl, grader: "pass", env: { WORKER_METRICS_PORT: String(port) } });
    try {
      const [userId, exercise] = await Promise.all([createUser(), createExercise()]);
      const { gradingRunId } = await createSubmission({
        userId,
        trackSlug: exercise.trackSlug,
        code: "export const n = 1;\n",
      });
      await waitFor(
        async () => (await db.gradingRun.findUniqueOrThrow({ where: { id: gradingRunId } })).state === "done",
        90_000,
      );
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toMatch(/^interleave_grading_verdicts_total\{status="pass",reason=""\} 1$/m);
      expect(text).toContain(`interleave_grading_duration_seconds_count{exercise="${exercise.trackSlug}"} 1`);
      expect(text).toMatch(/^interleave_grading_queue_wait_seconds_count 1$/m);
      expect(text).toMatch(/^interleave_grading_jobs_total\{outcome="stored"\} 1$/m);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    } finally {
      worker.child.kill("SIGTERM");
      await worker.exited;
    }
  });
});

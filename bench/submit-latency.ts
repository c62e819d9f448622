// Submit→verdict latency through the web API (the path a student's browser takes), and the
// grader alone (grade() in-process, which still forks its sandbox child per run).
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { grade } from "../grader/core/grade.ts";
import { SubmissionResponse, SubmitResponse } from "../lib/http/api-types.ts";
import { freePort } from "../scripts/platform/free-port.ts";
import { startPlatform } from "../scripts/platform/start-platform.ts";
import { StudentClient } from "./http-client.ts";
import { fmt, summarize } from "./stats.ts";

const root = path.resolve(import.meta.dirname, "..");
const EXERCISE = "ts/shared-counter";
const reference = readFileSync(path.join(root, "exercises/ts/shared-counter/solutions/good/atomics.ts"), "utf8");


async function submitAndWait(client: StudentClient): Promise<{ ms: number; status: string }> {
  const started = performance.now();
  const created = await client.request("/api/submissions", { method: "POST", body: { exerciseId: EXERCISE, code: reference } });
  if (created.status !== 202) throw new Error(`submit failed: ${created.status} ${await created.text()}`);
  const { submissionId } = SubmitResponse.parse(await created.json());
  for (;;) {
    const response = await client.request(`/api/submissions/${submissionId}`);
    const { run } = SubmissionResponse.parse(await response.json()).submission;
    if (run.state === "done") return { ms: performance.now() - started, status: run.result?.status ?? "none" };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function run(args: string[]): Promise<number> {
  const count = Number(args[0] ?? 50);
  const graderOnly: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const result = await grade({ exerciseId: EXERCISE, code: reference });
    graderOnly.push(performance.now() - started);
    if (result.status !== "pass") throw new Error(`reference did not pass: ${result.message}`);
  }

  const platform = await startPlatform({
    root,
    dataDir: path.join(root, ".data", "bench"),
    port: await freePort(),
    dbPort: await freePort(),
    quietChildren: true,
    log: () => {},
  });
  const endToEnd: number[] = [];
  try {
    const client = new StudentClient(platform.url);
    await client.signInAnonymously();
    await submitAndWait(client); // warm-up: first request compiles routes, first job warms the worker
    for (let i = 0; i < count; i++) {
      const { ms, status } = await submitAndWait(client);
      if (status !== "pass") throw new Error(`submission ${i} ended ${status}`);
      endToEnd.push(ms);
    }
  } finally {
    await platform.stop();
  }

  const g = summarize(graderOnly);
  const e = summarize(endToEnd);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  process.stdout.write(
    [
      `### Submit→verdict latency (${new Date().toISOString().slice(0, 10)}, ${machine})`,
      "",
      "| path | n | p50 | p95 | min | max |",
      "|---|---|---|---|---|---|",
      `| web API → queue → worker → stored verdict (${EXERCISE}, reference) | ${e.n} | ${fmt(e.p50)} | ${fmt(e.p95)} | ${fmt(e.min)} | ${fmt(e.max)} |`,
      `| grader only: grade() incl. sandbox child | ${g.n} | ${fmt(g.p50)} | ${fmt(g.p95)} | ${fmt(g.min)} | ${fmt(g.max)} |`,
      "",
    ].join("\n"),
  );
  return 0;
}

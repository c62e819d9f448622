// Submitting through the web API the way a student's browser does, for the latency benchmarks:
// one submission and its verdict, or a burst queued all at once and drained by the worker(s).
import { SubmissionResponse, SubmitResponse } from "../lib/submissions/schemas.ts";
import { StudentClient } from "./http-client.ts";

const POLL_MS = 20;

async function submit(options: { client: StudentClient; exerciseId: string; code: string }): Promise<string> {
  const created = await options.client.request("/api/submissions", {
    method: "POST",
    body: { exerciseId: options.exerciseId, code: options.code },
  });
  if (created.status !== 202) throw new Error(`submit failed: ${created.status} ${await created.text()}`);
  return SubmitResponse.parse(await created.json()).submissionId;
}

/** The verdict once the run is done ("pass", or "fail/reason: message"), null while it is queued or running. */
async function statusOf(client: StudentClient, submissionId: string): Promise<string | null> {
  const response = await client.request(`/api/submissions/${submissionId}`);
  const { run } = SubmissionResponse.parse(await response.json()).submission;
  if (run.state !== "done") return null;
  const result = run.result;
  return !result
    ? "none"
    : result.status === "pass"
      ? "pass"
      : `${result.status}/${result.reason ?? "?"}: ${result.message}`;
}

export async function submitAndWait(options: {
  client: StudentClient;
  exerciseId: string;
  code: string;
}): Promise<{ ms: number; status: string }> {
  const started = performance.now();
  const submissionId = await submit(options);
  for (;;) {
    const status = await statusOf(options.client, submissionId);
    if (status) return { ms: performance.now() - started, status };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Queues every code at once (one POST after another), then waits for all verdicts. `totalMs`
 * runs from the first POST to the last verdict; `each` holds every submission's own latency.
 */
export async function submitBurst(options: {
  clients: StudentClient[];
  exerciseId: string;
  codes: string[];
}): Promise<{ totalMs: number; each: number[]; statuses: string[] }> {
  const started = performance.now();
  const pending: { client: StudentClient; id: string; at: number; index: number }[] = [];
  for (const [index, code] of options.codes.entries()) {
    const client = options.clients[index % options.clients.length];
    if (!client) throw new Error("submitBurst needs at least one client");
    const at = performance.now();
    pending.push({ client, id: await submit({ client, exerciseId: options.exerciseId, code }), at, index });
  }
  const each: number[] = [];
  const statuses: string[] = [];
  while (pending.length > 0) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    for (const item of [...pending]) {
      const status = await statusOf(item.client, item.id);
      if (!status) continue;
      each[item.index] = performance.now() - item.at;
      statuses[item.index] = status;
      pending.splice(pending.indexOf(item), 1);
    }
  }
  return { totalMs: performance.now() - started, each, statuses };
}

/** Fresh anonymous students, each taking at most `perStudent` submissions (the web's rate limit). */
export async function students(options: {
  url: string;
  submissions: number;
  perStudent: number;
}): Promise<StudentClient[]> {
  const clients: StudentClient[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(options.submissions / options.perStudent)); i++) {
    const client = new StudentClient(options.url);
    await client.signInAnonymously();
    clients.push(client);
  }
  return clients;
}

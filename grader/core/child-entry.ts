// The grading child: one process per grade (the runner keeps isolates alive until exit, see
// grader/runners/ts/isolate-setup.ts). Started by grader-child.ts with --no-node-snapshot and
// the runner's JIT flag; it warms up, says "ready", grades ONE job from IPC, replies, exits.
import { GradeResult } from "../contract.ts";
import { loadRunner } from "../runners/runner-for.ts";
import { GradeJob, HEARTBEAT_MS, type ChildMessage } from "./child-protocol.ts";

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error("child-entry.ts must be started with an IPC channel"));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

async function main(): Promise<void> {
  // Warm up before saying ready, so a pre-started child saves the imports too.
  await loadRunner("typescript");
  process.on("disconnect", () => process.exit(0));
  process.once("message", (raw: unknown) => {
    // The runner never blocks this thread for long (student code runs on isolate threads), so a
    // missing heartbeat means the process is stuck, not busy.
    setInterval(() => void send({ type: "alive" }).catch(() => {}), HEARTBEAT_MS).unref();
    void handle(raw).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`grading child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(70);
      },
    );
  });
  await send({ type: "ready" });
}

async function handle(raw: unknown): Promise<void> {
  const job = GradeJob.parse(raw);
  const runner = await loadRunner(job.meta.language);
  const result = GradeResult.parse(await runner({ code: job.code, dir: job.dir, meta: job.meta, seed: job.seed }));
  await send({ type: "result", result });
}

main().catch((error: unknown) => {
  process.stderr.write(`grading child could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(70);
});

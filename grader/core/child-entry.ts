// The grading child: one process per grade (the runner keeps isolates alive until exit, see
// grader/runners/ts/isolate-setup.ts). Started by grader-child.ts with --no-node-snapshot and
// the runner's JIT flag; it warms up, says "ready", grades ONE job from IPC, replies, exits.
import { loadRunner } from "../runners/runner-for.ts";
import { onCatastrophe } from "../runners/ts/isolate-setup.ts";
import { GradeJob, HEARTBEAT_MS, type ChildMessage } from "./child-protocol.ts";
import { sanitizeGradeResult } from "./sanitize-result.ts";

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error("child-entry.ts must be started with an IPC channel"));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

/** isolated-vm's own words (native code, not the student's) for V8 running out of memory in an isolate. */
const CATASTROPHIC_OOM = "Catastrophic out-of-memory error";
/** How long the parent gets to receive the catastrophe message before the child aborts anyway. */
const CATASTROPHE_GRACE_MS = 1000;

async function main(): Promise<void> {
  // Warm up before saying ready, so a pre-started child saves the imports too.
  await loadRunner("typescript");
  // The isolate's thread is parked for good; this thread still runs. Tell the parent why the
  // process is about to end, then end it (isolated-vm's advice: nothing here is trustworthy).
  onCatastrophe((message) => {
    process.stderr.write(`isolated-vm catastrophic error: ${message}\n`);
    setTimeout(() => process.abort(), CATASTROPHE_GRACE_MS).unref();
    void send({ type: "catastrophe", kind: message === CATASTROPHIC_OOM ? "memory" : "other" }).finally(() =>
      process.abort(),
    );
  });
  process.on("disconnect", () => process.exit(0));
  process.once("message", (raw: unknown) => {
    // The runner never blocks this thread for long (student code runs on isolate threads), so a
    // missing heartbeat means the process is stuck, not busy.
    setInterval(() => void send({ type: "alive" }).catch(() => {}), HEARTBEAT_MS).unref();
    void handle(raw).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `grading child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        process.exit(70);
      },
    );
  });
  await send({ type: "ready" });
}

async function handle(raw: unknown): Promise<void> {
  const job = GradeJob.parse(raw);
  const runner = await loadRunner(job.meta.language);
  // Sanitised, then parsed: no student value can make the result invalid or unsendable.
  const result = sanitizeGradeResult(await runner({ code: job.code, dir: job.dir, meta: job.meta, seed: job.seed }));
  await send({ type: "result", result });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `grading child could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(70);
});

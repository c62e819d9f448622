// graphile-worker's logger routed to stderr (stdout stays free for command output) without its
// debug chatter; in the worker as JSON lines (lib/observability/json-log.ts) with the job's ids.
import { Logger, type LogLevel } from "graphile-worker";
import { jsonLogger } from "../observability/json-log.ts";

export function queueLogger(options: { quiet?: boolean; json?: boolean; workerId?: string } = {}): Logger {
  const json = options.json ? jsonLogger({ workerId: options.workerId, source: "queue" }) : null;
  return new Logger((scope) => (level: LogLevel, message: string) => {
    if (level === "debug" || (options.quiet && level === "info")) return;
    if (json) {
      const fields = {
        scope: scope.label,
        jobId: scope.jobId === undefined ? undefined : String(scope.jobId),
        task: scope.taskIdentifier,
      };
      (level === "error" ? json.error : level === "warning" ? json.warn : json.info)(message, fields);
      return;
    }
    const where = scope.label ? ` ${scope.label}` : "";
    process.stderr.write(`[queue${where}] ${level}: ${message}\n`);
  });
}

// graphile-worker's logger routed to stderr (stdout stays free for command output) without its
// debug chatter.
import { Logger, type LogLevel } from "graphile-worker";

export function queueLogger(options: { quiet?: boolean } = {}): Logger {
  return new Logger((scope) => (level: LogLevel, message: string) => {
    if (level === "debug" || (options.quiet && level === "info")) return;
    const where = scope.label ? ` ${scope.label}` : "";
    process.stderr.write(`[queue${where}] ${level}: ${message}\n`);
  });
}

// Structured logs for the grading worker: one JSON object per line on stderr (stdout stays free),
// carrying the ids that tie a line to a submission, a run and a job.
export type LogFields = {
  gradingRunId?: string;
  submissionId?: string;
  jobId?: string;
  attempt?: number;
  exercise?: string;
  [key: string]: unknown;
};

export type JsonLogger = {
  info: (msg: string, fields?: LogFields) => void;
  warn: (msg: string, fields?: LogFields) => void;
  error: (msg: string, fields?: LogFields) => void;
  child: (fields: LogFields) => JsonLogger;
};

export function jsonLogger(
  base: LogFields = {},
  write: (line: string) => void = (line) => process.stderr.write(line),
): JsonLogger {
  const log =
    (level: string) =>
    (msg: string, fields: LogFields = {}) =>
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields })}\n`);
  return {
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (fields) => jsonLogger({ ...base, ...fields }, write),
  };
}

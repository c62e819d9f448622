// The one place an error becomes an HTTP response: AppError keeps its code and status, zod
// problems are the client's (400), anything else is logged with its cause and hidden (500).
import { ZodError } from "zod";
import { APP_ERROR_STATUS, type AppErrorCode, isAppError } from "@/lib/errors";

export type ApiErrorBody = { error: { code: AppErrorCode; message: string } };

export function jsonError(code: AppErrorCode, message: string, options: { retryAfterSeconds?: number } = {}): Response {
  const headers =
    options.retryAfterSeconds === undefined
      ? undefined
      : { "Retry-After": String(Math.max(1, Math.ceil(options.retryAfterSeconds))) };
  return Response.json({ error: { code, message } } satisfies ApiErrorBody, {
    status: APP_ERROR_STATUS[code],
    headers,
  });
}

export function errorToResponse(error: unknown, where: string): Response {
  if (isAppError(error)) {
    if (error.code === "internal") console.error(`[api] ${where}:`, error);
    return jsonError(error.code, error.message, { retryAfterSeconds: error.retryAfterSeconds });
  }
  if (error instanceof ZodError) return jsonError(zodErrorCode(error), describeZodError(error));
  // The client went away while its body was being read (a tab closed mid-save): its doing, and
  // nobody is left to read the answer, so no error is logged.
  if (isClientAbort(error)) return jsonError("bad_request", "The request was cut off before its body arrived.");
  console.error(`[api] ${where}: unexpected error`, error);
  return jsonError("internal", "Something went wrong on our side. Please try again.");
}

/** bad_request, unless the first issue names its own code (an oversized file is too_large). */
export function zodErrorCode(error: ZodError): AppErrorCode {
  const issue = error.issues[0];
  const appCode: unknown = issue?.code === "custom" ? issue.params?.appCode : undefined;
  return typeof appCode === "string" && appCode in APP_ERROR_STATUS ? (appCode as AppErrorCode) : "bad_request";
}

/** The first issue as one readable sentence naming the field. */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request is invalid.";
  if (issue.path.length === 0) return issue.message;
  return `Invalid ${issue.path.join(".")}: ${issue.message}`;
}

/** An aborted request body: Node's "aborted" ECONNRESET, or an AbortError from the request's signal. */
export function isClientAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return error.name === "AbortError" || (code === "ECONNRESET" && /aborted/i.test(error.message));
}

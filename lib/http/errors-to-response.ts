// The one place an error becomes an HTTP response: AppError keeps its code and status, zod
// problems are the client's (400), anything else is logged with its cause and hidden (500).
import { ZodError } from "zod";
import { APP_ERROR_STATUS, type AppErrorCode, isAppError } from "@/lib/errors";

export type ApiErrorBody = { error: { code: AppErrorCode; message: string } };

export function jsonError(code: AppErrorCode, message: string, options: { retryAfterSeconds?: number } = {}): Response {
  const headers = options.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(Math.max(1, Math.ceil(options.retryAfterSeconds))) };
  return Response.json({ error: { code, message } } satisfies ApiErrorBody, { status: APP_ERROR_STATUS[code], headers });
}

export function errorToResponse(error: unknown, where: string): Response {
  if (isAppError(error)) {
    if (error.code === "internal") console.error(`[api] ${where}:`, error);
    return jsonError(error.code, error.message, { retryAfterSeconds: error.retryAfterSeconds });
  }
  if (error instanceof ZodError) return jsonError(zodErrorCode(error), describeZodError(error));
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

// Browser calls to our own API. Every response is parsed with the shared zod schemas: a stored
// GradeResult is data from another process and is validated again before the UI trusts it.
import type { z } from "zod";
import { ensureSession, forgetSession } from "@/components/auth/ensure-session";
import {
  ApiErrorResponse,
  SaveDraftResponse,
  SubmissionListResponse,
  SubmissionResponse,
  SubmitResponse,
} from "@/lib/http/api-types";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function call<T extends z.ZodType>(schema: T, url: string, init?: RequestInit): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ApiError(0, "network", "Could not reach the server. Check your connection.");
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiErrorResponse.safeParse(json);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiError(response.status, "http", `The server answered ${response.status}.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApiError(response.status, "invalid_response", "The server sent a response this page cannot read.");
  return parsed.data;
}

async function ensureSessionForWrite(): Promise<void> {
  await ensureSession().catch(() => {
    throw new ApiError(0, "no_session", "Could not start a session. Check your connection and try again.");
  });
}

/**
 * Writes first make sure the browser has a session (the server refuses a write without one).
 * A 401 means the session ended since (signed out elsewhere, revoked): start one and retry once.
 */
async function write<T extends z.ZodType>(schema: T, url: string, init: RequestInit): Promise<z.infer<T>> {
  await ensureSessionForWrite();
  try {
    return await call(schema, url, init);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    forgetSession();
    await ensureSessionForWrite();
    return call(schema, url, init);
  }
}

export async function submitCode(exerciseId: string, code: string) {
  return write(SubmitResponse, "/api/submissions", { method: "POST", body: JSON.stringify({ exerciseId, code }) });
}

export async function fetchSubmission(id: string, signal?: AbortSignal) {
  const { submission } = await call(SubmissionResponse, `/api/submissions/${encodeURIComponent(id)}`, { signal });
  return submission;
}

export async function fetchSubmissionList(exerciseId: string) {
  const { submissions } = await call(
    SubmissionListResponse,
    `/api/submissions?exerciseId=${encodeURIComponent(exerciseId)}`,
  );
  return submissions;
}

export async function saveDraftCode(exerciseId: string, code: string) {
  return write(SaveDraftResponse, "/api/drafts", { method: "PUT", body: JSON.stringify({ exerciseId, code }) });
}

// Chromium and Firefox refuse keepalive requests past 64 KiB of bodies in flight per page.
const KEEPALIVE_BODY_MAX = 60 * 1024;

/**
 * The save sent while the page goes away: dispatched at once (no session check to wait for,
 * so it leaves before the page does) and allowed to outlive the page. Null when the body is
 * over the keepalive limit: the local copy covers it. Same-origin JSON like every write.
 */
export function sendDraftOnLeave(exerciseId: string, code: string) {
  const body = JSON.stringify({ exerciseId, code });
  if (new TextEncoder().encode(body).byteLength > KEEPALIVE_BODY_MAX) return null;
  return call(SaveDraftResponse, "/api/drafts", { method: "PUT", body, keepalive: true, credentials: "same-origin" });
}

/** The heading over a refused submission; the server's message below it says why and when to retry. */
export function submitErrorTitle(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) return "Not submitted: too many submissions";
  if (error instanceof ApiError && error.status === 503) return "Not submitted: the grader is busy";
  return "Could not submit";
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

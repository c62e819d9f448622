// The one way browser code calls our API. The response is parsed with the route's own zod
// schema (lib/<domain>/schemas.ts), so nothing fetched is trusted by a cast; an error reply
// `{ error: { code, message } }` becomes an ApiError carrying the server's message.
import { z } from "zod";
import { ensureSession, forgetSession } from "@/components/auth/ensure-session";
import { ApiErrorResponse } from "@/lib/http/schemas";

export class ApiError extends Error {
  constructor(
    /** The HTTP status; 0 when the server was not reached or no session could be started. */
    readonly status: number,
    /** The server's AppError code, or network / no_session / http / invalid_response. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The response schema of a route that answers 204 (no body). */
export const NoContent = z.null();

export type ApiRequest<S extends z.ZodType> = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  response: S;
  /**
   * Writes of one's own work: make sure the browser has a (guest) session first, since the
   * server refuses a write without one. A 401 means it ended since (signed out elsewhere,
   * revoked): start one and retry once.
   */
  session?: boolean;
  signal?: AbortSignal;
  /** Let the request outlive the page (the save sent while it goes away). */
  keepalive?: boolean;
};

export async function apiFetch<S extends z.ZodType>(path: string, request: ApiRequest<S>): Promise<z.infer<S>> {
  if (!request.session) return send(path, request);
  await startSession();
  try {
    return await send(path, request);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    forgetSession();
    await startSession();
    return send(path, request);
  }
}

/** The message to show for a failed call (the server's, when it sent one). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

async function startSession(): Promise<void> {
  await ensureSession().catch(() => {
    throw new ApiError(0, "no_session", "Could not start a session. Check your connection and try again.");
  });
}

async function send<S extends z.ZodType>(path: string, request: ApiRequest<S>): Promise<z.infer<S>> {
  const method = request.method ?? "GET";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      // Every write is JSON, a body or not (DELETE): the server refuses anything else (415).
      headers: method === "GET" ? undefined : { "Content-Type": "application/json" },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      keepalive: request.keepalive,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.");
  }
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ApiErrorResponse.safeParse(json);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiError(response.status, "http", `The request failed (HTTP ${response.status}).`);
  }
  const parsed = request.response.safeParse(json);
  if (!parsed.success)
    throw new ApiError(response.status, "invalid_response", "The server sent a response this page cannot read.");
  return parsed.data;
}

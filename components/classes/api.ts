// Browser side of the class API: one JSON call that turns an error body into a readable message.
import { ApiErrorResponse } from "@/lib/http/api-types";

export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function callApi(path: string, init: { method: string; body?: unknown }): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method,
      // Every write is JSON, a body or not (DELETE): the server refuses anything else (415).
      headers: init.method === "GET" ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiCallError("Could not reach the server. Check your connection and try again.", 0);
  }
  if (response.status === 204) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiErrorResponse.safeParse(body);
    throw new ApiCallError(
      parsed.success ? parsed.data.error.message : `The request failed (${response.status}).`,
      response.status,
    );
  }
  return body;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

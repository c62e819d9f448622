// The workspace's calls to our API, through the one typed client: a stored GradeResult is data
// from another process and is validated again (SubmissionResponse) before the UI trusts it.
import { ApiError, apiFetch } from "@/components/api-client";
import { SaveDraftResponse } from "@/lib/drafts/schemas";
import { SubmissionListResponse, SubmissionResponse, SubmitResponse } from "@/lib/submissions/schemas";

export { ApiError, errorMessage } from "@/components/api-client";

export async function submitCode(exerciseId: string, code: string) {
  return apiFetch("/api/submissions", {
    method: "POST",
    body: { exerciseId, code },
    response: SubmitResponse,
    session: true,
  });
}

export async function fetchSubmission(id: string, signal?: AbortSignal) {
  const path = `/api/submissions/${encodeURIComponent(id)}`;
  const { submission } = await apiFetch(path, { response: SubmissionResponse, signal });
  return submission;
}

export async function fetchSubmissionList(exerciseId: string) {
  const path = `/api/submissions?exerciseId=${encodeURIComponent(exerciseId)}`;
  const { submissions } = await apiFetch(path, { response: SubmissionListResponse });
  return submissions;
}

export async function saveDraftCode(exerciseId: string, code: string) {
  return apiFetch("/api/drafts", {
    method: "PUT",
    body: { exerciseId, code },
    response: SaveDraftResponse,
    session: true,
  });
}

// Chromium and Firefox refuse keepalive requests past 64 KiB of bodies in flight per page.
const KEEPALIVE_BODY_MAX = 60 * 1024;

/**
 * The save sent while the page goes away: dispatched at once (no session check to wait for,
 * so it leaves before the page does) and allowed to outlive the page. Null when the body is
 * over the keepalive limit: the local copy covers it. Same-origin JSON like every write.
 */
export function sendDraftOnLeave(exerciseId: string, code: string) {
  const body = { exerciseId, code };
  if (new TextEncoder().encode(JSON.stringify(body)).byteLength > KEEPALIVE_BODY_MAX) return null;
  return apiFetch("/api/drafts", { method: "PUT", body, response: SaveDraftResponse, keepalive: true });
}

/** The heading over a refused submission; the server's message below it says why and when to retry. */
export function submitErrorTitle(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) return "Not submitted: too many submissions";
  if (error instanceof ApiError && error.status === 503) return "Not submitted: the grader is busy";
  return "Could not submit";
}

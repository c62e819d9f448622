import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, apiFetch, NoContent } from "./api-client";

const ensureSession = vi.fn(() => Promise.resolve("user-1"));
vi.mock("@/components/auth/ensure-session", () => ({ ensureSession: () => ensureSession(), forgetSession: () => {} }));

const Created = z.object({ id: z.string() });
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  ensureSession.mockClear();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const json = (status: number, body: unknown) => Response.json(body, { status });

async function failure(run: Promise<unknown>): Promise<ApiError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("apiFetch", () => {
  it("sends the body as JSON and returns the response parsed by its schema", async () => {
    fetchMock.mockResolvedValue(json(201, { id: "c1", extra: "dropped" }));
    const created = await apiFetch("/api/things", { method: "POST", body: { name: "x" }, response: Created });
    expect(created).toEqual({ id: "c1" });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe("/api/things");
    expect(init?.body).toBe('{"name":"x"}');
    expect(new Headers(init?.headers).get("content-type")).toBe("application/json");
  });

  it("turns the server's error body into an ApiError with its status, code and message", async () => {
    fetchMock.mockResolvedValue(json(403, { error: { code: "forbidden", message: "Only teachers can do this." } }));
    const error = await failure(apiFetch("/api/classes", { method: "POST", body: {}, response: Created }));
    expect([error.status, error.code, error.message]).toEqual([403, "forbidden", "Only teachers can do this."]);
  });

  it("refuses a response its schema does not describe instead of trusting it", async () => {
    fetchMock.mockResolvedValue(json(200, { id: 42 }));
    const error = await failure(apiFetch("/api/things", { response: Created }));
    expect(error.code).toBe("invalid_response");
  });

  it("reads a 204 as null and a network failure as status 0", async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    expect(await apiFetch("/api/things/1", { method: "DELETE", response: NoContent })).toBeNull();
    fetchMock.mockRejectedValueOnce(new TypeError("Failed to fetch"));
    const error = await failure(apiFetch("/api/things", { response: Created }));
    expect([error.status, error.code]).toEqual([0, "network"]);
  });

  it("starts a session before a write of one's own work, and again once after a 401", async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { error: { code: "unauthorized", message: "ended" } }))
      .mockResolvedValueOnce(json(202, { id: "s1" }));
    const created = await apiFetch("/api/submissions", { method: "POST", body: {}, response: Created, session: true });
    expect(created).toEqual({ id: "s1" });
    expect(ensureSession).toHaveBeenCalledTimes(2);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

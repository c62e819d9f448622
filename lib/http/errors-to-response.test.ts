import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { errorToResponse } from "./errors-to-response";

describe("errorToResponse", () => {
  it("keeps an AppError's code and status", async () => {
    const response = errorToResponse(new AppError("too_large", "The code is too big."), "test");
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "too_large", message: "The code is too big." } });
  });

  it("sends Retry-After for a refusal that says when to come back", async () => {
    const busy = errorToResponse(
      new AppError("unavailable", "The grader is busy.", { retryAfterSeconds: 29.2 }),
      "test",
    );
    expect([busy.status, busy.headers.get("retry-after")]).toEqual([503, "30"]);
    expect(errorToResponse(new AppError("not_found", "No such thing."), "test").headers.get("retry-after")).toBeNull();
  });

  it("turns a zod error into a 400 that names the field", async () => {
    const parsed = z.object({ exerciseId: z.string() }).safeParse({ exerciseId: 3 });
    if (parsed.success) throw new Error("expected a zod error");
    const response = errorToResponse(parsed.error, "test");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(/exerciseId/);
  });

  it("answers a body the client aborted with a 400, logging nothing", async () => {
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(errorToResponse(aborted, "test").status).toBe(400);
      expect(errorToResponse(new DOMException("The operation was aborted.", "AbortError"), "test").status).toBe(400);
      expect(spy).not.toHaveBeenCalled();
      // A reset that is not an abort of the request is still ours.
      expect(errorToResponse(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), "test").status).toBe(
        500,
      );
    } finally {
      spy.mockRestore();
    }
  });

  it("hides unexpected errors behind a 500 and logs them with their cause", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorToResponse(new Error("database password is hunter2"), "GET /x");
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("hunter2");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "./read-json";

const Body = z.object({ exerciseId: z.string(), code: z.string() });

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://test.local/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("readJsonBody", () => {
  it("returns the parsed body", async () => {
    await expect(readJsonBody(post(JSON.stringify({ exerciseId: "ts/a", code: "x" })), Body)).resolves.toEqual({
      exerciseId: "ts/a",
      code: "x",
    });
  });

  it("refuses malformed JSON, wrong types and an empty body as bad_request", async () => {
    expect(await codeOf(readJsonBody(post("{nope"), Body))).toBe("bad_request");
    expect(await codeOf(readJsonBody(post(JSON.stringify({ exerciseId: 1, code: [] })), Body))).toBe("bad_request");
    expect(await codeOf(readJsonBody(post(null), Body))).toBe("bad_request");
    expect(await codeOf(readJsonBody(post(new Uint8Array([0xff, 0xfe, 0x7b])), Body))).toBe("bad_request");
  });

  it("refuses a body over the cap as too_large, by header and by streamed size", async () => {
    const big = JSON.stringify({ exerciseId: "ts/a", code: "a".repeat(2000) });
    expect(await codeOf(readJsonBody(post(big), Body, { maxBytes: 1000 }))).toBe("too_large");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(500).fill(0x20));
        controller.close();
      },
    });
    expect(await codeOf(readJsonBody(post(stream), Body, { maxBytes: 1000 }))).toBe("too_large");
  });

  it("names the offending field in the message", async () => {
    const error = await readJsonBody(post(JSON.stringify({ exerciseId: 5, code: "x" })), Body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/exerciseId/);
  });
});

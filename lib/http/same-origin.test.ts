import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { assertSameOriginJson, isJsonContentType, trustedOrigins } from "./same-origin.ts";

const ORIGINS = trustedOrigins("http://localhost:3000");

function refusal(method: string, headers: Record<string, string>): string | null {
  try {
    assertSameOriginJson(new Request("http://localhost:3000/api/x", { method, headers }), ORIGINS);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("trustedOrigins", () => {
  it("accepts the loopback aliases of a local URL for its port, and only the origin of a public one", () => {
    expect(ORIGINS).toEqual(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]);
    expect(trustedOrigins("https://interleave.school.example/app")).toEqual(["https://interleave.school.example"]);
  });
});

describe("assertSameOriginJson", () => {
  const json = { "content-type": "application/json" };

  it("lets same-origin JSON writes through, by Origin or by Sec-Fetch-Site when Origin is absent", () => {
    expect(refusal("POST", { ...json, origin: "http://localhost:3000" })).toBeNull();
    expect(refusal("DELETE", { ...json, origin: "http://127.0.0.1:3000" })).toBeNull();
    expect(
      refusal("PUT", { "content-type": "application/json; charset=UTF-8", "sec-fetch-site": "same-origin" }),
    ).toBeNull();
  });

  it("refuses writes from another site, with a null Origin, or saying nothing about where they came from", () => {
    expect(refusal("POST", { ...json, origin: "https://evil.example" })).toBe("forbidden");
    expect(refusal("POST", { ...json, origin: "http://localhost:3001" })).toBe("forbidden");
    expect(refusal("POST", { ...json, origin: "null" })).toBe("forbidden");
    expect(refusal("PATCH", json)).toBe("forbidden");
    expect(refusal("POST", { ...json, "sec-fetch-site": "same-site" })).toBe("forbidden");
    expect(refusal("POST", { ...json, "sec-fetch-site": "cross-site" })).toBe("forbidden");
    // An Origin that is not ours is refused even when Sec-Fetch-Site claims otherwise.
    expect(refusal("POST", { ...json, origin: "https://evil.example", "sec-fetch-site": "same-origin" })).toBe(
      "forbidden",
    );
  });

  it("refuses same-origin writes that are not JSON (what an HTML form sends) with 415", () => {
    const origin = "http://localhost:3000";
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonx",
    ]) {
      expect(refusal("POST", { origin, "content-type": type }), type).toBe("unsupported_media_type");
    }
    expect(refusal("DELETE", { origin })).toBe("unsupported_media_type");
  });

  it("leaves reads alone", () => {
    expect(refusal("GET", { origin: "https://evil.example" })).toBeNull();
    expect(refusal("HEAD", {})).toBeNull();
  });
});

describe("isJsonContentType", () => {
  it("takes application/json with at most a UTF-8 charset", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON;charset=utf-8")).toBe(true);
    expect(isJsonContentType('application/json; charset="utf-8"')).toBe(true);
    expect(isJsonContentType("application/json; charset=latin1")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});
